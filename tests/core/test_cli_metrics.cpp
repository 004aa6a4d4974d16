// `panocast metrics` as users run it: view consistency of panorama runs made from a real sample
// panorama (high) and from the same views in the wrong order (low); FID / KID / IS with the
// fixtures' deterministic Inception against the same numbers computed in-process; the reference
// feature cache across runs; one-line errors for unusable inputs.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "det_inception.h"
#include "geometry/equirect_stitcher.h"
#include "geometry/panorama_renderer.h"
#include "geometry/rig.h"
#include "io/atomic_file.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "io/json_file.h"
#include "metrics/clip_score.h"
#include "metrics/feature_cache.h"
#include "metrics/feature_statistics.h"
#include "metrics/inception_score.h"
#include "metrics/kid.h"
#include "support/fixtures.h"
#include "support/metric_inputs.h"

using namespace panocast;
using panocast::test::ringViews;
using panocast::test::samplePanorama;
using panocast::test::writeCrops;
using panocast::test::writeRun;
namespace fs = std::filesystem;

namespace {

int runCli(const std::string& arguments, const fs::path& log) {
  const std::string command =
      std::string(PANOCAST_BINARY_DIR) + "/app/panocast " + arguments + " >" + log.string() + " 2>&1";
  return WEXITSTATUS(std::system(command.c_str()));
}

std::string readText(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

double value(const nlohmann::json& json, const char* key) {
  EXPECT_TRUE(json.contains(key) && json[key].is_number()) << key << " in " << json.dump();
  return json.value(key, std::nan(""));
}

}  // namespace

TEST(CliMetrics, ConsistencyOfARealPanoramaRunIsHighAndOfShuffledViewsLow) {
  const auto dir = test::scratchDir("cli_metrics_consistency");
  const Rig rig = Rig::ring(8, 90.0, 256);
  const auto views = ringViews(samplePanorama("courtyard.png"), rig);
  writeRun(dir / "runs" / "a_truth", views, rig, "truth");
  const auto shuffled = views.index_select(0, torch::tensor({0, 3, 6, 1, 4, 7, 2, 5}));
  writeRun(dir / "runs" / "b_shuffled", shuffled, rig, "shuffled");

  const auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(runCli("metrics --generated " + quoted(dir / "runs") + " --consistency --out " + quoted(dir / "m.json"),
                   dir / "log.txt"),
            0)
      << readText(dir / "log.txt");
  std::cout << "[ cli metrics ] consistency of 2 runs: "
            << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
  const auto log = readText(dir / "log.txt");
  std::cout << log;
  const auto json = readJsonFile(dir / "m.json");
  ASSERT_TRUE(json["consistency"].is_object()) << json.dump(2);
  const auto& c = json["consistency"];
  ASSERT_EQ(c["runs"].size(), 2u);
  EXPECT_EQ(c["runs_scored"], 2);
  const auto& truth = c["runs"][0];
  const auto& wrong = c["runs"][1];
  EXPECT_EQ(truth["run"], "a_truth");
  EXPECT_EQ(truth["method"], "truth");
  EXPECT_EQ(truth["views"], 8);
  EXPECT_EQ(truth["fov_deg"], 90.0);
  EXPECT_EQ(truth["view_size_px"], 256);
  ASSERT_EQ(truth["pairs"].size(), 8u);
  for (int k = 0; k < 8; ++k) {
    const auto& pair = truth["pairs"][k];
    EXPECT_EQ(pair["views"], nlohmann::json({k, (k + 1) % 8}));
    // 256-px views of the 1024-px sample: resampling alone costs 28–35 dB per pair.
    EXPECT_GT(value(pair, "overlap_psnr_db"), 26.0) << k;
    EXPECT_GT(value(pair, "overlap_ssim"), 0.9) << k;
    EXPECT_GT(value(pair, "overlap_pixels"), 10000) << k;
    EXPECT_LT(value(wrong["pairs"][k], "overlap_psnr_db"), 15.0) << k;
  }
  EXPECT_GT(value(truth, "mean_overlap_psnr_db"), 29.0);
  EXPECT_LT(value(wrong, "mean_overlap_psnr_db"), value(truth, "mean_overlap_psnr_db") - 15.0);
  EXPECT_LT(value(wrong, "mean_overlap_ssim"), value(truth, "mean_overlap_ssim") - 0.2);
  EXPECT_EQ(truth["wrap_seam"]["views"], nlohmann::json({7, 0}));
  EXPECT_EQ(truth["wrap_seam"]["overlap_psnr_db"], truth["pairs"][7]["overlap_psnr_db"]);
  // The stitched panoramas: the truth's seams look like the rest of the image, shuffled views'
  // seams stand out.
  ASSERT_TRUE(truth["seam_score"].is_object()) << truth.dump(2);
  ASSERT_TRUE(wrong["seam_score"].is_object()) << wrong.dump(2);
  const double truthSeam = value(truth["seam_score"], "seam_to_background_ratio");
  const double wrongSeam = value(wrong["seam_score"], "seam_to_background_ratio");
  EXPECT_LT(truthSeam, 2.5);
  EXPECT_GT(wrongSeam, 1.4 * truthSeam);
  EXPECT_EQ(truth["seam_score"]["seams"], 8);
  // Aggregates over runs.
  EXPECT_NEAR(value(c, "mean_overlap_psnr_db"),
              0.5 * (value(truth, "mean_overlap_psnr_db") + value(wrong, "mean_overlap_psnr_db")), 1e-9);
  EXPECT_EQ(json["images"]["generated"], 16);
  EXPECT_EQ(json["generated"]["layout"], "panorama_runs");
  // Weights-based metrics are skipped with a reason naming what to pass.
  EXPECT_TRUE(contains(json["skipped_metrics"]["fid"], "--inception pt_inception-2015-12-05-6726825d.pth"));
  EXPECT_TRUE(contains(json["skipped_metrics"]["clip_score"], "no CLIP model; pass --clip DIR"));
  EXPECT_FALSE(json.contains("fid"));
  EXPECT_FALSE(json.contains("clip_score"));
  EXPECT_TRUE(contains(log, "fid, kid, inception_score")) << log;
  EXPECT_TRUE(contains(log, "skipped: no Inception weights; pass --inception pt_inception-2015-12-05-6726825d.pth"))
      << log;
  for (const char* metric : {"kid", "inception_score"})
    EXPECT_EQ(json["skipped_metrics"][metric], json["skipped_metrics"]["fid"]) << metric;
  EXPECT_TRUE(contains(log, "clip_score")) << log;
  EXPECT_TRUE(contains(log, "overlap PSNR")) << log;

  // A single run folder works as --generated too, and without --consistency nothing is scored.
  ASSERT_EQ(runCli("metrics --generated " + quoted(dir / "runs" / "a_truth") + " --consistency --out " +
                       quoted(dir / "one.json"),
                   dir / "one.txt"),
            0)
      << readText(dir / "one.txt");
  const auto one = readJsonFile(dir / "one.json");
  ASSERT_EQ(one["consistency"]["runs"].size(), 1u);
  EXPECT_EQ(one["consistency"]["runs"][0]["mean_overlap_psnr_db"], truth["mean_overlap_psnr_db"]);
  EXPECT_TRUE(contains(readText(dir / "one.txt"), "views 7-0 (wrap)")) << readText(dir / "one.txt");
  ASSERT_EQ(runCli("metrics --generated " + quoted(dir / "runs") + " --out " + quoted(dir / "none.json"),
                   dir / "none.txt"),
            0);
  EXPECT_TRUE(readJsonFile(dir / "none.json")["consistency"].is_null());
  EXPECT_TRUE(contains(readText(dir / "none.txt"), "not requested (add --consistency)")) << readText(dir / "none.txt");
}

TEST(CliMetrics, FidKidAndInceptionScoreWithTheFixtureInception) {
  const auto dir = test::scratchDir("cli_metrics_fid");
  writeCrops(dir / "generated", "courtyard.png", 10, 160, 0.0);
  writeCrops(dir / "reference", "forest.png", 11, 200, 10.0);
  std::ofstream(dir / "reference" / "broken.png") << "not a png";
  const auto weights = test::detInceptionFile();
  const std::string arguments = "metrics --generated " + quoted(dir / "generated") + " --reference " +
                                quoted(dir / "reference") + " --inception " + quoted(weights) + " --cache-dir " +
                                quoted(dir / "cache") + " --batch 8 --device cpu --out ";

  auto timed = [&](const std::string& args, const fs::path& log) {
    const auto start = std::chrono::steady_clock::now();
    const int code = runCli(args, log);
    return std::make_pair(code, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
  const auto [firstCode, firstSeconds] = timed(arguments + quoted(dir / "first.json"), dir / "first.txt");
  ASSERT_EQ(firstCode, 0) << readText(dir / "first.txt");
  const auto [secondCode, secondSeconds] = timed(arguments + quoted(dir / "second.json"), dir / "second.txt");
  ASSERT_EQ(secondCode, 0) << readText(dir / "second.txt");
  const auto first = readJsonFile(dir / "first.json");
  const auto second = readJsonFile(dir / "second.json");
  std::cout << readText(dir / "first.txt") << readText(dir / "second.txt");

  // The same numbers in-process, from the same files and the same network. The reference
  // features come from the command's cache, which this also checks is readable in-process.
  torch::NoGradGuard noGrad;
  InceptionFeatureExtractor extractor(weights, c10::Device(c10::kCPU), 8);
  const auto generated = computeImageFeatures(listImageFiles(dir / "generated"), extractor);
  const auto reference = FeatureCache(dir / "cache").folderFeatures(dir / "reference", extractor);
  EXPECT_TRUE(reference.fromCache);
  ASSERT_EQ(generated.count(), 10);
  ASSERT_EQ(reference.count(), 11);
  const double fid = frechetDistance(featureStatistics(generated.pool3), featureStatistics(reference.pool3));
  KidSettings kidSettings;
  kidSettings.subsetSize = 10;
  const auto kid = kernelInceptionDistance(generated.pool3, reference.pool3, kidSettings);
  const auto is = inceptionScore(generated.logitsUnbiased);
  std::cout << "[ cli metrics ] det Inception: FID " << fid << ", KID " << kid.mean << " ± " << kid.std << ", IS "
            << is.mean << " ± " << is.std << "\n";

  EXPECT_NEAR(value(first, "fid"), fid, 1e-6 * std::abs(fid) + 1e-9);
  EXPECT_GT(fid, 0.0);
  EXPECT_NEAR(value(first, "kid_mean"), kid.mean, 1e-9 + 1e-6 * std::abs(kid.mean));
  EXPECT_NEAR(value(first, "kid_std"), kid.std, 1e-9 + 1e-6 * std::abs(kid.std));
  EXPECT_EQ(first["kid_subset_size"], 10);
  EXPECT_EQ(first["kid_subsets"], 100);
  EXPECT_NEAR(value(first, "inception_score_mean"), is.mean, 1e-9);
  EXPECT_NEAR(value(first, "inception_score_std"), is.std, 1e-9);
  EXPECT_GE(is.mean, 1.0);
  EXPECT_EQ(first["inception_score_splits"], 10);
  EXPECT_EQ(first["images"]["generated"], 10);
  EXPECT_EQ(first["images"]["reference"], 11);
  ASSERT_EQ(first["images"]["skipped"].size(), 1u);
  EXPECT_TRUE(contains(first["images"]["skipped"][0]["file"], "broken.png"));
  EXPECT_TRUE(contains(readText(dir / "first.txt"), "warning: reference: skipped 1 unreadable image:"));
  EXPECT_TRUE(contains(readText(dir / "first.txt"), "broken.png"));
  EXPECT_TRUE(contains(first["skipped_metrics"]["clip_score"], "no CLIP model; pass --clip DIR"));
  EXPECT_TRUE(contains(first["skipped_metrics"]["consistency"], "no panorama runs"));
  EXPECT_EQ(first["generated"]["layout"], "images");

  // The second run reads the reference features from the cache: same numbers, bit for bit.
  EXPECT_EQ(first["reference"]["features_from_cache"], false);
  EXPECT_EQ(second["reference"]["features_from_cache"], true);
  EXPECT_TRUE(contains(readText(dir / "second.txt"), "loaded from the cache")) << readText(dir / "second.txt");
  EXPECT_TRUE(contains(readText(dir / "second.txt"), "broken.png")) << "the skip is reported on cache hits too";
  for (const char* key : {"fid", "kid_mean", "kid_std", "inception_score_mean"}) EXPECT_EQ(first[key], second[key]) << key;
  EXPECT_EQ(first["reference"]["cache_file"], second["reference"]["cache_file"]);
  EXPECT_TRUE(fs::exists(first["reference"]["cache_file"].get<std::string>()));
  const double firstRef = value(first["timings_s"], "reference_features");
  const double secondRef = value(second["timings_s"], "reference_features");
  std::cout << "[ cli metrics ] 11 reference images: features " << firstRef << " s computed, " << secondRef
            << " s from the cache; whole command " << firstSeconds << " s vs " << secondSeconds << " s; timings "
            << first["timings_s"].dump() << " / " << second["timings_s"].dump() << "\n";
  EXPECT_LT(secondRef, 0.5 * firstRef);

  // Identical sets (three images, without the cache): FID is zero up to the round-off of a
  // rank-deficient covariance; too few images for the Inception Score's ten splits.
  fs::create_directories(dir / "few");
  for (const char* name : {"crop_0.png", "crop_1.png", "crop_2.png"}) fs::copy(dir / "generated" / name, dir / "few" / name);
  ASSERT_EQ(runCli("metrics --generated " + quoted(dir / "few") + " --reference " + quoted(dir / "few") +
                       " --inception " + quoted(weights) + " --no-cache --out " + quoted(dir / "same.json"),
                   dir / "same.txt"),
            0)
      << readText(dir / "same.txt");
  const auto same = readJsonFile(dir / "same.json");
  std::cout << "[ cli metrics ] identical sets: FID " << same["fid"] << "\n";
  EXPECT_LT(std::abs(value(same, "fid")), 1e-3 * fid);
  EXPECT_TRUE(same["reference"]["cache_file"].is_null());
  EXPECT_EQ(same["reference"]["features_from_cache"], false);
  EXPECT_EQ(same["kid_subset_size"], 3);
  EXPECT_TRUE(contains(same["skipped_metrics"]["inception_score"], "needs at least 10 generated images (have 3)"));
}

TEST(CliMetrics, UnusableInputsGiveOneLineErrors) {
  const auto dir = test::scratchDir("cli_metrics_errors");
  fs::create_directories(dir / "empty");
  fs::create_directories(dir / "images");
  writeImage(dir / "images" / "a.png", toImageU8(torch::rand({3, 80, 80})));
  std::ofstream(dir / "empty" / "notes.txt") << "no images";
  std::ofstream(dir / "two.txt") << "a room\na hall\n";
  std::ofstream(dir / "one.txt") << "a room\n";
  const auto out = " --out " + quoted(dir / "m.json");
  const std::vector<std::pair<std::string, std::string>> cases{
      {"--generated " + quoted(dir / "missing") + out, "--generated: " + (dir / "missing").string() + ": folder not found"},
      {"--generated " + quoted(dir / "images" / "a.png") + out, "not a folder"},
      {"--generated " + quoted(dir / "empty") + out, "holds no images"},
      {"--generated " + quoted(dir / "images") + " --reference " + quoted(dir / "nothing") + out,
       "--reference: " + (dir / "nothing").string() + ": folder not found"},
      {"--generated " + quoted(dir / "images") + " --reference " + quoted(dir / "empty") + out,
       "--reference: " + (dir / "empty").string() + " holds no images"},
      {"--generated " + quoted(dir / "images") + " --inception " + quoted(dir / "nope.pth") + out,
       "--inception: " + (dir / "nope.pth").string() + ": file not found"},
      {"--generated " + quoted(dir / "images") + " --out " + quoted(dir / "no-such-folder" / "m.json"),
       "does not exist"},
      {"--generated " + quoted(dir / "images") + " --device tpu" + out, ""},
      {"--generated " + quoted(dir / "images") + " --clip " + quoted(dir / "no-clip") + out,
       "--clip: " + (dir / "no-clip").string() + ": folder not found"},
      {"--generated " + quoted(dir / "images") + " --clip " + quoted(dir / "empty") + " --prompts " +
           quoted(dir / "two.txt") + out,
       "2 prompts for 1 image: give one prompt for all images or one per image"},
      {"--generated " + quoted(dir / "images") + " --clip " + quoted(dir / "empty") + " --prompts " +
           quoted(dir / "one.txt") + out,
       "has no CLIP tokenizer"},
  };
  for (const auto& [arguments, expected] : cases) {
    const int code = runCli("metrics " + arguments, dir / "log.txt");
    const auto log = readText(dir / "log.txt");
    EXPECT_EQ(code, 1) << arguments << "\n" << log;
    EXPECT_EQ(std::count(log.begin(), log.end(), '\n'), 1) << arguments << "\n" << log;
    EXPECT_EQ(log.rfind("panocast: ", 0), 0u) << log;
    EXPECT_TRUE(contains(log, expected)) << "expected '" << expected << "' in: " << log;
    EXPECT_FALSE(fs::exists(dir / "m.json")) << arguments;
  }
  // --out is required, as is --generated (CLI11's usage error).
  EXPECT_NE(runCli("metrics --generated " + quoted(dir / "images"), dir / "log.txt"), 0);
}

TEST(CliMetrics, ClipScoreOfPanoramaRunsEachViewAgainstItsOwnPrompt) {
  const auto dir = test::scratchDir("cli_metrics_clip");
  // A CLIPModel folder as users have one: the tiny model with the CLIP tokenizer beside it.
  const auto clip = dir / "clip";
  fs::create_directories(clip);
  for (const auto& folder : {test::fixture("metrics/tiny-clip"), test::fixture("sd/tiny-sd2/tokenizer")})
    for (const auto& entry : fs::directory_iterator(folder)) fs::copy_file(entry.path(), clip / entry.path().filename());
  const Rig rig = Rig::ring(8, 90.0, 64);
  const auto views = ringViews(samplePanorama("courtyard.png"), rig);
  std::vector<std::string> perView;
  for (int k = 0; k < 8; ++k) perView.push_back("a courtyard, view " + std::to_string(k));
  writeRun(dir / "runs" / "a", views, rig, "caa", perView);
  writeRun(dir / "runs" / "b", views.flip({0}), rig, "independent", {"a courtyard"});
  writeRun(dir / "runs" / "c", views, rig, "independent");  // no prompts: left out with a warning

  ASSERT_EQ(runCli("metrics --generated " + quoted(dir / "runs") + " --clip " + quoted(clip) + " --out " +
                       quoted(dir / "m.json"),
                   dir / "log.txt"),
            0)
      << readText(dir / "log.txt");
  const auto log = readText(dir / "log.txt");
  std::cout << log;
  const auto json = readJsonFile(dir / "m.json");
  ASSERT_TRUE(json.contains("clip_score")) << json.dump(2);
  const auto& details = json["clip_score_details"];
  EXPECT_EQ(details["images"], 16);
  ASSERT_EQ(details["per_image"].size(), 16u);
  EXPECT_TRUE(contains(details["model"], "CLIP (vision 32×2")) << details["model"];
  EXPECT_TRUE(contains(details["convention"], "100·cos"));
  EXPECT_TRUE(contains(log, "warning: CLIP score: " + (dir / "runs" / "c").string() + " records no prompts")) << log;
  EXPECT_TRUE(contains(log, "clip_score")) << log;
  EXPECT_FALSE(json["skipped_metrics"].contains("clip_score"));

  // Every number is the scorer's for that view and its own prompt (run a: prompt k for view k).
  ClipScorer scorer(clip);
  std::vector<ImageU8> images;
  std::vector<std::string> prompts;
  double sum = 0;
  for (int i = 0; i < 16; ++i) {
    const auto& entry = details["per_image"][i];
    images.push_back(readImageU8(entry["image"].get<std::string>(), 3));
    prompts.push_back(i < 8 ? perView[i] : "a courtyard");
    EXPECT_TRUE(contains(entry["image"], (i < 8 ? "/a/view_" : "/b/view_") + std::to_string(i % 8) + ".png"));
    sum += entry["score"].get<double>();
  }
  const auto expected = scorer.pairScores(images, prompts);
  for (int i = 0; i < 16; ++i) EXPECT_NEAR(details["per_image"][i]["score"].get<double>(), expected[i], 1e-9) << i;
  EXPECT_NEAR(value(json, "clip_score"), std::max(sum / 16, 0.0), 1e-9);
  EXPECT_NEAR(value(details["by_method"]["caa"], "mean_unclamped"),
              (expected[0] + expected[1] + expected[2] + expected[3] + expected[4] + expected[5] + expected[6] +
               expected[7]) / 8,
              1e-9);
  EXPECT_EQ(details["by_method"]["independent"]["images"], 8);
  // A wrong pairing would show: view 3 against view 5's prompt scores differently.
  EXPECT_GT(std::abs(scorer.pairScores({images[3]}, {perView[5]})[0] - expected[3]), 1e-4);
  EXPECT_GE(value(json, "clip_score_std"), 0.0);
}
