// View consistency on the 8-view ring: views rendered from one real panorama (Blender's CC0
// samples) must agree in their overlaps, views from different panoramas or from the wrong yaws
// must not; exact values on constant-colour views pin down the formulas and pair bookkeeping.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <iostream>
#include <numbers>

#include "geometry/equirect_stitcher.h"
#include "geometry/panorama_renderer.h"
#include "geometry/rig.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "metrics/seam_score.h"
#include "metrics/ssim.h"
#include "metrics/view_consistency.h"
#include "runtime/error.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

constexpr int kViewSize = 256;

std::vector<torch::Tensor> samplePanoramas() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(test::samplesRoot()))
    if (entry.path().extension() == ".png") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files.size(), 8u) << "set-up extracts Blender's eight studio-light panoramas";
  std::vector<torch::Tensor> panoramas;
  for (const auto& file : files) panoramas.push_back(toTensor(readImageU8(file, 3)));
  return panoramas;
}

const std::vector<torch::Tensor>& panoramas() {
  static const auto loaded = samplePanoramas();
  return loaded;
}

// The ring's views as the generator would deliver them: rendered, then stored as 8-bit.
torch::Tensor quantised(const torch::Tensor& image) { return toTensor(toImageU8(image)); }

// View k of `rig` rendered from panorama panoramaOf(k), turned by yawShiftOf(k) degrees.
torch::Tensor ringViews(const Rig& rig, const std::function<torch::Tensor(int)>& panoramaOf,
                        const std::function<double(int)>& yawShiftOf = {}) {
  std::vector<torch::Tensor> views;
  for (int k = 0; k < rig.size(); ++k) {
    Camera camera = rig.camera(k);
    if (yawShiftOf) camera.orientation.yawDeg += yawShiftOf(k);
    views.push_back(quantised(renderView(panoramaOf(k), camera)));
  }
  return torch::stack(views);
}

void print(const std::string& what, const ViewConsistency& c) {
  std::cout << "[ consistency ] " << what << ": mean " << c.meanPsnrDb << " dB (pooled " << c.pooledPsnrDb
            << "), wrap " << c.wrapPair().psnrDb << " dB, mean SSIM " << c.meanSsim << "\n";
}

}  // namespace

TEST(ViewConsistency, OverlapIsTheHalfOfTheViewFacingTheNeighbour) {
  const Rig rig = Rig::ring(8, 90.0, 64);
  const auto warp = warpNeighbour(torch::rand({3, 64, 64}), rig, 0, 1);
  ASSERT_EQ(warp.mask.sizes(), torch::IntArrayRef({64, 64}));
  // Turning right (view 1) sees the right half of view 0: nothing left of the centre overlaps.
  EXPECT_FALSE(warp.mask.slice(1, 0, 31).any().item<bool>());
  // The middle rows of the right half all land inside view 1.
  EXPECT_TRUE(warp.mask.slice(0, 24, 40).slice(1, 33, 64).all().item<bool>());
  // Near the centre column the neighbour sees the view's top and bottom at a steeper angle, so
  // the corners there fall outside; the overlap is a little under half the image.
  const double fraction = warp.mask.to(torch::kFloat64).mean().item<double>();
  EXPECT_GT(fraction, 0.38);
  EXPECT_LT(fraction, 0.5);
  // The left neighbour mirrors it.
  const auto left = warpNeighbour(torch::rand({3, 64, 64}), rig, 0, 7);
  EXPECT_TRUE(torch::equal(left.mask, warp.mask.flip(1)));
}

TEST(ViewConsistency, ConstantColourViewsGiveTheExactPsnrAndSsim) {
  const Rig rig = Rig::ring(8, 90.0, 48);
  // View k is flat with colour (a_k, b_k, c_k); bilinear sampling of a flat image is exact, so
  // pair k's MSE is the mean over channels of (colour_k − colour_{k+1})² on the 0–255 scale.
  std::vector<std::array<double, 3>> colours;
  for (int k = 0; k < 8; ++k) colours.push_back({0.1 + 0.1 * k, 0.8 - 0.05 * k, 0.3 + 0.02 * k * k});
  std::vector<torch::Tensor> views;
  for (const auto& c : colours)
    views.push_back(torch::tensor({c[0], c[1], c[2]}, torch::kFloat64).view({3, 1, 1}).expand({3, 48, 48}));
  const auto result = viewConsistency(torch::stack(views), rig);
  ASSERT_EQ(result.pairs.size(), 8u);
  double psnrSum = 0, ssimSum = 0, weighted = 0;
  int64_t total = 0;
  for (int k = 0; k < 8; ++k) {
    const auto& pair = result.pairs[k];
    EXPECT_EQ(pair.from, k);
    EXPECT_EQ(pair.to, (k + 1) % 8);
    const auto& a = colours[k];
    const auto& b = colours[(k + 1) % 8];
    double mse = 0, ssim = 0;
    for (int ch = 0; ch < 3; ++ch) {
      mse += std::pow(255.0 * (a[ch] - b[ch]), 2) / 3;
      // Flat windows: no variance, so SSIM is the luminance term (2ab + C1)/(a² + b² + C1).
      ssim += (2 * a[ch] * b[ch] + 1e-4) / (a[ch] * a[ch] + b[ch] * b[ch] + 1e-4) / 3;
    }
    EXPECT_NEAR(pair.mse, mse, 1e-9 * mse) << k;
    EXPECT_NEAR(pair.psnrDb, 10 * std::log10(255.0 * 255.0 / mse), 1e-9) << k;
    EXPECT_NEAR(pair.ssim, ssim, 1e-9) << k;
    psnrSum += pair.psnrDb;
    ssimSum += pair.ssim;
    weighted += mse * pair.overlapPixels;
    total += pair.overlapPixels;
  }
  EXPECT_EQ(result.wrapPair().from, 7);
  EXPECT_EQ(result.wrapPair().to, 0);
  // The wrap pair is part of the mean (metrics.md §7.1), and pooling weights pairs by overlap.
  EXPECT_NEAR(result.meanPsnrDb, psnrSum / 8, 1e-9);
  EXPECT_NEAR(result.meanSsim, ssimSum / 8, 1e-12);
  EXPECT_NEAR(result.pooledPsnrDb, 10 * std::log10(255.0 * 255.0 * total / weighted), 1e-9);
  EXPECT_LT(result.pooledPsnrDb, result.meanPsnrDb);  // pooling is dominated by the worst pairs
}

TEST(ViewConsistency, ViewsOfOnePanoramaAgree) {
  const Rig rig = Rig::ring(8, 90.0, 512);
  for (size_t p = 0; p < panoramas().size(); ++p) {
    const auto result = viewConsistency(ringViews(rig, [&](int) { return panoramas()[p]; }), rig);
    print("panorama " + std::to_string(p), result);
    // At the project's 512² views (2× the samples' 1024-px resolution) resampling costs little:
    // 38.7–50 dB per panorama on the samples.
    EXPECT_GT(result.meanPsnrDb, 35.0) << "panorama " << p;
    for (const auto& pair : result.pairs) {
      EXPECT_GT(pair.psnrDb, 33.0) << "panorama " << p << " pair " << pair.from << "→" << pair.to;
      EXPECT_GT(pair.ssim, 0.97) << "panorama " << p << " pair " << pair.from << "→" << pair.to;
    }
  }
}

TEST(ViewConsistency, ViewsOfDifferentPanoramasDisagree) {
  const Rig rig = Rig::ring(8, 90.0, kViewSize);
  const auto result = viewConsistency(ringViews(rig, [&](int k) { return panoramas()[k]; }), rig);
  print("one panorama per view", result);
  for (const auto& pair : result.pairs) EXPECT_LT(pair.psnrDb, 22.0) << pair.from << "→" << pair.to;
  EXPECT_LT(result.meanSsim, 0.6);
}

TEST(ViewConsistency, ViewsFromTheWrongYawsDisagree) {
  // Odd views turned 10° further than the rig says: every pair's homography now matches the
  // wrong pixels. (A common yaw offset of all views would not matter: only relative rotations do.)
  const Rig rig = Rig::ring(8, 90.0, kViewSize);
  for (size_t p = 0; p < panoramas().size(); ++p) {
    const auto one = [&](int) { return panoramas()[p]; };
    const auto truth = viewConsistency(ringViews(rig, one), rig);
    const auto shifted = viewConsistency(ringViews(rig, one, [](int k) { return k % 2 ? 10.0 : 0.0; }), rig);
    print("panorama " + std::to_string(p) + " scored 10° off", shifted);
    EXPECT_LT(shifted.meanPsnrDb, truth.meanPsnrDb - 8.0) << p;
    EXPECT_LT(shifted.meanSsim, truth.meanSsim - 0.1) << p;
  }
}

TEST(ViewConsistency, TheWrapPairIsReportedOnItsOwn) {
  // Views 0–6 from one panorama, view 7 from another: only pairs 6→7 and 7→0 (the wrap) break.
  const Rig rig = Rig::ring(8, 90.0, kViewSize);
  const auto result = viewConsistency(ringViews(rig, [&](int k) { return panoramas()[k == 7 ? 3 : 0]; }), rig);
  print("view 7 foreign", result);
  for (int k = 0; k < 6; ++k) EXPECT_GT(result.pairs[k].psnrDb, 30.0) << k;
  EXPECT_LT(result.pairs[6].psnrDb, 22.0);
  EXPECT_EQ(&result.wrapPair(), &result.pairs[7]);
  EXPECT_LT(result.wrapPair().psnrDb, 22.0);
  EXPECT_LT(result.meanPsnrDb, result.pairs[0].psnrDb - 3.0);
}

TEST(ViewConsistency, RejectsViewsThatDoNotFitTheRig) {
  const Rig rig = Rig::ring(8, 90.0, 32);
  EXPECT_THROW(viewConsistency(torch::rand({7, 3, 32, 32}), rig), Error);
  EXPECT_THROW(viewConsistency(torch::rand({8, 3, 32, 40}), rig), Error);
  EXPECT_THROW(viewConsistency(torch::rand({3, 32, 32}), rig), Error);
  EXPECT_THROW(maskedSsim(torch::rand({3, 32, 32}), torch::rand({3, 32, 32}), torch::zeros({32, 32}, torch::kBool)),
               Error);
}

TEST(ViewConsistencySeam, RingSeamsLieHalfwayBetweenViews) {
  const auto seams = ringSeamLongitudes(Rig::ring(8, 90.0, 64).cameras());
  const std::vector<double> expected{22.5, 67.5, 112.5, 157.5, -157.5, -112.5, -67.5, -22.5};
  ASSERT_EQ(seams.size(), expected.size());
  for (size_t k = 0; k < seams.size(); ++k) EXPECT_NEAR(seams[k], expected[k], 1e-9) << k;
}

TEST(ViewConsistencySeam, FindsAStepAtTheSeamAndIgnoresOneElsewhere) {
  // Grey noise with a brightness step at +22.5° (column 576 of 1024): seen only when that
  // longitude is a seam; anywhere else a seam looks like the background.
  torch::manual_seed(4);
  const int width = 1024, height = 512;
  auto pano = 0.4 + 0.05 * torch::rand({1, height, width}, torch::kFloat64);
  pano = (pano + 0.2 * (torch::arange(width, torch::kFloat64) >= 576).to(torch::kFloat64)).expand({3, height, width});
  const auto atStep = seamScore(pano, {22.5});
  const auto elsewhere = seamScore(pano, {-90.0, 100.0});
  std::cout << "[ seam ] step " << atStep.ratio << ", elsewhere " << elsewhere.ratio << "\n";
  EXPECT_GT(atStep.ratio, 20.0);
  // Not exactly 1: the background includes the boundaries next to the step.
  EXPECT_NEAR(elsewhere.ratio, 1.0, 0.25);
  EXPECT_EQ(atStep.seams, 1);
  EXPECT_EQ(elsewhere.seams, 2);
  EXPECT_THROW(seamScore(pano, {}), Error);
  SeamScoreSettings badRows;
  badRows.rowBegin = 600;
  EXPECT_THROW(seamScore(pano, {0.0}, badRows), Error);
}

TEST(ViewConsistencySeam, StitchedTruthHasInvisibleSeamsAndForeignViewsDoNot) {
  const Rig rig = Rig::ring(8, 90.0, kViewSize);
  const auto seams = ringSeamLongitudes(rig.cameras());
  StitchSettings settings;
  settings.width = 1024;
  settings.blend = BlendMode::Seamless;
  auto score = [&](const torch::Tensor& views) {
    const auto stitched = stitchEquirect(views, rig.cameras(), settings);
    SeamScoreSettings rows;
    rows.rowBegin = stitched.fullRowBegin;
    rows.rowEnd = stitched.fullRowEnd;
    return seamScore(stitched.image.slice(0, 0, 3), seams, rows);
  };
  std::vector<double> truths;
  for (size_t p = 0; p < panoramas().size(); ++p) {
    const auto truth = score(ringViews(rig, [&](int) { return panoramas()[p]; }));
    std::cout << "[ seam ] panorama " << p << ": ratio " << truth.ratio << "\n";
    // An edge of the scene that happens to lie on a seam raises one panorama's score (the
    // interior sample reaches ~1.9), so the bound per panorama is loose and the median tight.
    EXPECT_LT(truth.ratio, 2.5) << p;
    truths.push_back(truth.ratio);
  }
  std::sort(truths.begin(), truths.end());
  const double median = 0.5 * (truths[3] + truths[4]);
  EXPECT_LT(median, 1.2);
  // Multi-band blending spreads the low-frequency part of the step over tens of columns, so
  // unrelated views score well above the truth but not dramatically (~1.7 here).
  const auto foreign = score(ringViews(rig, [&](int k) { return panoramas()[k]; }));
  std::cout << "[ seam ] one panorama per view: ratio " << foreign.ratio << "\n";
  EXPECT_GT(foreign.ratio, 1.4 * median);
}
