// Stitching: render the 8-view ring from real (Blender CC0) panoramas, stitch it back, and
// require the result to match the original inside the band every column covers.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>

#include "geometry/equirect_stitcher.h"
#include "geometry/image_pyramid.h"
#include "geometry/rig.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "runtime/error.h"
#include "support/compare.h"
#include "support/fixtures.h"

using namespace panocast;

namespace {

struct RoundTrip {
  double psnr;
  StitchResult result;
};

RoundTrip roundTrip(const torch::Tensor& pano, BlendMode blend) {
  const Rig rig = Rig::ring(8, 90.0, 512);
  std::vector<torch::Tensor> views;
  for (const auto& camera : rig.cameras()) views.push_back(renderView(pano, camera));
  StitchSettings settings;
  settings.width = static_cast<int>(pano.size(2));
  settings.blend = blend;
  auto result = stitchEquirect(torch::stack(views), rig.cameras(), settings);
  auto band = [&](const torch::Tensor& t) { return t.slice(1, result.fullRowBegin, result.fullRowEnd); };
  const double value = test::psnr(band(result.image.slice(0, 0, 3)), band(pano));
  return {value, result};
}

std::vector<std::filesystem::path> samplePanoramas() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(test::samplesRoot()))
    if (entry.path().extension() == ".png") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST(Stitch, BlenderPanoramasSurviveRenderAndStitch) {
  const auto files = samplePanoramas();
  ASSERT_EQ(files.size(), 8u) << "set-up extracts Blender's eight studio-light panoramas";
  for (const auto& file : files) {
    auto pano = toTensor(readImageU8(file, 3));
    for (BlendMode blend : {BlendMode::Triangle, BlendMode::Seamless}) {
      const RoundTrip trip = roundTrip(pano, blend);
      std::cout << "[ stitch ] " << file.filename().string() << " " << blendModeName(blend) << ": " << trip.psnr
                << " dB over rows " << trip.result.fullRowBegin << "–" << trip.result.fullRowEnd << "\n";
      EXPECT_GE(trip.psnr, 35.0) << file << " " << blendModeName(blend);
    }
  }
}

TEST(Stitch, ReportsTheCoveredBandAndLeavesTheRestTransparent) {
  const Rig rig = Rig::ring(8, 90.0, 64);
  auto views = torch::rand({8, 3, 64, 64});
  StitchSettings settings;
  settings.width = 720;  // 0.5° per pixel
  settings.blend = BlendMode::Triangle;
  auto result = stitchEquirect(views, rig.cameras(), settings);
  // Every longitude is seen up to atan(cos 22.5° · tan 45°) = 42.7°; the top-centre of each
  // view reaches 45° (its corners only 35.3°).
  EXPECT_NEAR(result.latitudeAtRowEdge(result.fullRowBegin), 42.7, 0.6);
  EXPECT_NEAR(result.latitudeAtRowEdge(result.fullRowEnd), -42.7, 0.6);
  EXPECT_NEAR(result.latitudeAtRowEdge(result.anyRowBegin), 45.0, 0.6);
  auto alpha = result.image[3];
  EXPECT_EQ(alpha.slice(0, 0, result.anyRowBegin).sum().item<float>(), 0.0f);
  EXPECT_EQ(alpha.slice(0, result.fullRowBegin, result.fullRowEnd).min().item<float>(), 1.0f);
  EXPECT_EQ(result.image.slice(0, 0, 3).slice(1, 0, result.anyRowBegin).abs().sum().item<float>(), 0.0f);
}

TEST(Stitch, SeamlessBlendHidesExposureDifferencesBetweenViews) {
  // Views of one flat grey scene whose exposure alternates by ±10%: triangle blending leaves
  // a visible step in brightness gradient, multi-band leaves a smooth one; both stay in range.
  const Rig rig = Rig::ring(8, 90.0, 128);
  auto views = torch::full({8, 3, 128, 128}, 0.5f);
  for (int i = 0; i < 8; ++i) views[i] *= (i % 2 ? 1.1f : 0.9f);
  StitchSettings settings;
  settings.width = 1024;
  settings.blend = BlendMode::Seamless;
  auto seamless = stitchEquirect(views, rig.cameras(), settings);
  auto equator = seamless.image[0][256];
  // The biggest jump between neighbouring pixels along the equator stays small (no seam).
  const float maxStep = (equator.slice(0, 1) - equator.slice(0, 0, -1)).abs().max().item<float>();
  EXPECT_LT(maxStep, 0.01f);
  EXPECT_GE(equator.min().item<float>(), 0.44f);
  EXPECT_LE(equator.max().item<float>(), 0.56f);
  // Across the 360° wrap too.
  EXPECT_LT(std::abs(equator[0].item<float>() - equator[-1].item<float>()), 0.01f);
}

TEST(Stitch, PyramidRoundTripIsExact) {
  auto image = torch::rand({3, 37, 70});
  PyramidBlender blender(4);
  blender.add(image, torch::ones({37, 70}));
  EXPECT_ALLCLOSE(blender.result(), image, 1e-5, 0);
}

TEST(Stitch, RejectsMismatchedInput) {
  const Rig rig = Rig::ring(8, 90.0, 64);
  EXPECT_THROW(stitchEquirect(torch::rand({7, 3, 64, 64}), rig.cameras()), Error);
  EXPECT_THROW(stitchEquirect(torch::rand({8, 3, 32, 64}), rig.cameras()), Error);
}
