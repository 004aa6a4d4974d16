// Reference-set feature caching (metrics/feature_cache.h) with the deterministic FID Inception of
// the fixtures (det_fill weights, metrics.md §9): a second run loads without running the network,
// any change to the images or the extractor misses the cache, damaged cache files are rebuilt,
// undecodable images are skipped and named, and cancellation leaves nothing behind.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <functional>
#include <iostream>

#include "io/image.h"
#include "io/json_file.h"
#include "io/safetensors.h"
#include "metrics/feature_cache.h"
#include "metrics/inception_input.h"
#include "metrics/sha256.h"
#include "nn/fid_inception.h"
#include "panocast_config.h"
#include "runtime/error.h"

#if PANOCAST_HAVE_OPENCV
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#endif
#include "det_inception.h"
#include "support/det.h"
#include "support/fixtures.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {

fs::path detWeightsFile() { return test::detInceptionFile(); }
FidInception detModel() { return test::detInception(); }

// A smooth colour pattern (different per seed) with noise: not flat, so features differ per image.
ImageU8 patternImage(int seed, int width, int height, int channels = 3) {
  const auto noise = test::detTensor(100 + seed, {height, width, channels}, 0.0, 1.0);
  ImageU8 image{width, height, channels, std::vector<uint8_t>(static_cast<size_t>(width) * height * channels)};
  const auto n = noise.accessor<float, 3>();
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < channels; ++c) {
        const double wave = 0.5 + 0.4 * std::sin(0.05 * (seed + 1) * x + 0.07 * c * y + seed);
        image.row(y)[x * channels + c] = static_cast<uint8_t>(std::clamp(255.0 * (0.8 * wave + 0.2 * n[y][x][c]), 0.0, 255.0));
      }
  return image;
}

// Up to six images of several sizes and layouts: PNG (RGB, grey, RGBA) and JPEG.
void writeImageSet(const fs::path& folder, int count = 6) {
  fs::create_directories(folder);
  writeImage(folder / "a.png", patternImage(1, 120, 90));
  writeImage(folder / "b.jpg", patternImage(2, 80, 100));
  writeImage(folder / "c.png", patternImage(3, 299, 299));
  if (count > 3) writeImage(folder / "d.png", patternImage(4, 64, 200, 1));
  if (count > 4) writeImage(folder / "e.png", patternImage(5, 150, 150, 4));
  if (count > 5) writeImage(folder / "f.png", patternImage(6, 100, 75));
  std::ofstream(folder / "notes.txt") << "not an image, not a candidate\n";
}

// Timestamps an hour old, so the hash index may remember the files (recent ones it re-reads).
void ageFiles(const fs::path& folder) {
  for (const auto& entry : fs::directory_iterator(folder))
    fs::last_write_time(entry.path(), fs::file_time_type::clock::now() - std::chrono::hours(1));
}

std::vector<fs::path> cacheEntries(const fs::path& cache) {
  std::vector<fs::path> entries;
  if (!fs::exists(cache)) return entries;
  for (const auto& entry : fs::directory_iterator(cache))
    if (entry.is_regular_file()) entries.push_back(entry.path());
  return entries;
}

double secondsOf(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace

TEST(FeatureCacheSha256, MatchesFipsExamples) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // One million 'a', fed in uneven pieces through the buffering path.
  Sha256 hash;
  const std::string piece(997, 'a');
  size_t fed = 0;
  for (; fed + piece.size() <= 1000000; fed += piece.size()) hash.update(piece);
  hash.update(std::string(1000000 - fed, 'a'));
  EXPECT_EQ(hash.hexDigest(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");

  const auto dir = test::scratchDir("feature_cache_sha");
  std::ofstream(dir / "abc.txt", std::ios::binary) << "abc";
  EXPECT_EQ(sha256File(dir / "abc.txt"), sha256Hex("abc"));
  EXPECT_THROW(sha256File(dir / "missing.txt"), Error);
}

TEST(FeatureCache, ListsImagesByNameAndDecodesEveryLayoutToRgb) {
  const auto dir = test::scratchDir("feature_cache_list");
  writeImageSet(dir / "images");
  std::ofstream(dir / "images" / ".hidden.png") << "x";
  fs::create_directories(dir / "images" / "sub");
  writeImage(dir / "images" / "sub" / "z.png", patternImage(9, 80, 80));
  const auto files = listImageFiles(dir / "images");
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.filename().string());
  EXPECT_EQ(names, (std::vector<std::string>{"a.png", "b.jpg", "c.png", "d.png", "e.png", "f.png"}));

  const auto grey = readImageForFeatures(dir / "images" / "d.png");
  ASSERT_EQ(grey.sizes(), torch::IntArrayRef({3, 200, 64}));
  EXPECT_EQ(grey.scalar_type(), torch::kUInt8);
  EXPECT_TRUE(torch::equal(grey[0], grey[2]));  // grey replicated, as PIL's convert("RGB")
  const auto rgba = readImageForFeatures(dir / "images" / "e.png");
  ASSERT_EQ(rgba.sizes(), torch::IntArrayRef({3, 150, 150}));  // alpha dropped
  const auto source = patternImage(5, 150, 150, 4);
  EXPECT_EQ(rgba[1][10][20].item<int>(), source.row(10)[20 * 4 + 1]);
}

#if PANOCAST_HAVE_OPENCV
TEST(FeatureCache, OpenCvReadsTheFormatsStbCannot) {
  const auto dir = test::scratchDir("feature_cache_opencv");
  const auto source = patternImage(8, 96, 64);
  cv::Mat rgb(source.height, source.width, CV_8UC3, const_cast<uint8_t*>(source.pixels.data())), bgr;
  cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
  ASSERT_TRUE(cv::imwrite((dir / "g.tif").string(), bgr));
  ASSERT_TRUE(cv::imwrite((dir / "h.webp").string(), bgr, {cv::IMWRITE_WEBP_QUALITY, 101}));  // lossless
  const auto expected = torch::from_blob(const_cast<uint8_t*>(source.pixels.data()), {64, 96, 3}, torch::kUInt8)
                            .permute({2, 0, 1});
  for (const char* name : {"g.tif", "h.webp"}) {
    const auto image = readImageForFeatures(dir / name);
    ASSERT_EQ(image.sizes(), torch::IntArrayRef({3, 64, 96})) << name;
    EXPECT_TRUE(torch::equal(image, expected)) << name << ": RGB order and pixels";
  }
  EXPECT_EQ(listImageFiles(dir).size(), 2u);
}
#endif

TEST(FeatureCache, SecondRunLoadsWithoutRunningTheNetwork) {
  torch::NoGradGuard noGrad;
  const auto dir = test::scratchDir("feature_cache_second_run");
  writeImageSet(dir / "images");
  ageFiles(dir / "images");
  const auto weights = detWeightsFile();

  ImageSetFeatures first, second;
  int64_t firstHashed = 0;
  const double firstSeconds = secondsOf([&] {
    FeatureCache cache(dir / "cache");
    InceptionFeatureExtractor extractor(weights, c10::Device(c10::kCPU), 4);
    first = cache.folderFeatures(dir / "images", extractor);
    firstHashed = cache.hashIndex().filesHashed();
    EXPECT_TRUE(extractor.loaded());
    EXPECT_EQ(extractor.imagesExtracted(), 6);
  });
  EXPECT_FALSE(first.fromCache);
  EXPECT_EQ(firstHashed, 7);  // six images and the weights file
  ASSERT_EQ(first.count(), 6);
  EXPECT_EQ(first.pool3.scalar_type(), torch::kFloat64);
  EXPECT_EQ(first.pool3.sizes(), torch::IntArrayRef({6, 2048}));
  EXPECT_EQ(first.logitsUnbiased.sizes(), torch::IntArrayRef({6, 1008}));
  EXPECT_TRUE(first.skipped.empty());
  ASSERT_TRUE(fs::exists(first.cacheFile));
  EXPECT_EQ(first.cacheFile.parent_path(), dir / "cache");

  // Row k is image k (name order), exactly as the network computes it alone.
  auto model = detModel();
  for (int k : {0, 3, 5}) {
    const auto image = readImageForFeatures(first.images[k]);
    const auto expected = model->forward(torchFidelityInceptionInput(image.unsqueeze(0)));
    EXPECT_TRUE(torch::allclose(first.pool3[k], expected.pool3[0].to(torch::kFloat64), 1e-5, 1e-6)) << k;
    EXPECT_TRUE(torch::allclose(first.logitsUnbiased[k], expected.logitsUnbiased[0].to(torch::kFloat64), 1e-5, 1e-5))
        << k;
  }

  int64_t secondHashed = -1;
  bool loaded = true;
  int64_t extracted = -1;
  const double secondSeconds = secondsOf([&] {
    FeatureCache cache(dir / "cache");
    InceptionFeatureExtractor extractor(weights, c10::Device(c10::kCPU), 4);
    second = cache.folderFeatures(dir / "images", extractor);
    secondHashed = cache.hashIndex().filesHashed();
    loaded = extractor.loaded();
    extracted = extractor.imagesExtracted();
  });
  EXPECT_TRUE(second.fromCache);
  EXPECT_FALSE(loaded) << "a cache hit must not even load the weights";
  EXPECT_EQ(extracted, 0);
  EXPECT_EQ(secondHashed, 0) << "unchanged files (name, size, mtime) are not read again";
  EXPECT_TRUE(torch::equal(first.pool3, second.pool3));  // float32 on disk holds the float32 outputs exactly
  EXPECT_TRUE(torch::equal(first.logitsUnbiased, second.logitsUnbiased));
  EXPECT_EQ(first.images, second.images);
  EXPECT_EQ(second.cacheFile, first.cacheFile);
  EXPECT_EQ(cacheEntries(dir / "cache").size(), 1u);
  std::cout << "[ cache ] 6 images: computed in " << firstSeconds << " s, loaded from the cache in " << secondSeconds
            << " s\n";
  EXPECT_LT(secondSeconds, firstSeconds);
}

TEST(FeatureCache, ChangedAddedOrRemovedImagesMissTheCache) {
  torch::NoGradGuard noGrad;
  const auto dir = test::scratchDir("feature_cache_invalidate");
  writeImageSet(dir / "images");
  ageFiles(dir / "images");
  FeatureCache cache(dir / "cache");
  InceptionFeatureExtractor extractor(detModel(), "det_fill", c10::Device(c10::kCPU), 8);
  const auto original = cache.folderFeatures(dir / "images", extractor);
  ASSERT_FALSE(original.fromCache);

  // Same name, same size, new pixels (and an up-to-date timestamp).
  const auto before = fs::file_size(dir / "images" / "c.png");
  writeImage(dir / "images" / "c.png", patternImage(33, 299, 299));
  const auto changed = cache.folderFeatures(dir / "images", extractor);
  EXPECT_FALSE(changed.fromCache);
  EXPECT_NE(changed.cacheFile, original.cacheFile);
  EXPECT_FALSE(torch::allclose(changed.pool3[2], original.pool3[2]));
  for (int k : {0, 1, 3, 4, 5}) EXPECT_TRUE(torch::equal(changed.pool3[k], original.pool3[k])) << k;
  std::cout << "[ cache ] c.png " << before << " → " << fs::file_size(dir / "images" / "c.png") << " bytes\n";

  writeImage(dir / "images" / "g.png", patternImage(7, 90, 90));
  const auto added = cache.folderFeatures(dir / "images", extractor);
  EXPECT_FALSE(added.fromCache);
  EXPECT_EQ(added.count(), 7);
  fs::remove(dir / "images" / "a.png");
  const auto removed = cache.folderFeatures(dir / "images", extractor);
  EXPECT_FALSE(removed.fromCache);
  EXPECT_EQ(removed.count(), 6);
  EXPECT_TRUE(torch::equal(removed.pool3[0], changed.pool3[1]));  // b.jpg moved up a row

  // Other weights (or another device type) never share entries.
  InceptionFeatureExtractor other(detModel(), "det_fill, second copy", c10::Device(c10::kCPU), 8);
  EXPECT_NE(other.id(), extractor.id());
  const auto otherWeights = cache.folderFeatures(dir / "images", other);
  EXPECT_FALSE(otherWeights.fromCache);
  EXPECT_TRUE(cache.folderFeatures(dir / "images", extractor).fromCache);
  EXPECT_EQ(cacheEntries(dir / "cache").size(), 5u);
}

TEST(FeatureCache, UndecodableImagesAreSkippedAndNamed) {
  torch::NoGradGuard noGrad;
  const auto dir = test::scratchDir("feature_cache_corrupt_image");
  writeImageSet(dir / "images");
  std::ofstream(dir / "images" / "broken.png", std::ios::binary) << "\x89PNG\r\n\x1a\nthis is not a PNG stream";
  std::ofstream(dir / "images" / "empty.jpg", std::ios::binary);
  FeatureCache cache(dir / "cache");
  InceptionFeatureExtractor extractor(detModel(), "det_fill", c10::Device(c10::kCPU), 4);
  const auto result = cache.folderFeatures(dir / "images", extractor);
  EXPECT_EQ(result.count(), 6);
  ASSERT_EQ(result.skipped.size(), 2u);
  EXPECT_EQ(result.skipped[0].file.filename(), "broken.png");
  EXPECT_EQ(result.skipped[1].file.filename(), "empty.jpg");
  const auto warning = describeSkippedImages(result.skipped);
  std::cout << "[ cache ] " << warning << "\n";
  EXPECT_TRUE(contains(warning, "skipped 2 unreadable images"));
  EXPECT_TRUE(contains(warning, "broken.png (")) << warning;
  EXPECT_TRUE(contains(warning, "empty.jpg (")) << warning;
  EXPECT_EQ(warning.find('\n'), std::string::npos);
  // The cache remembers what was skipped, so the warning repeats on a cache hit.
  const auto again = cache.folderFeatures(dir / "images", extractor);
  EXPECT_TRUE(again.fromCache);
  ASSERT_EQ(again.skipped.size(), 2u);
  EXPECT_EQ(again.skipped[0].reason, result.skipped[0].reason);
  EXPECT_EQ(describeSkippedImages(again.skipped), warning);
}

TEST(FeatureCache, DamagedCacheFilesAreRebuiltNotTrusted) {
  torch::NoGradGuard noGrad;
  const auto dir = test::scratchDir("feature_cache_damaged");
  writeImageSet(dir / "images", 3);
  FeatureCache cache(dir / "cache");
  InceptionFeatureExtractor extractor(detModel(), "det_fill", c10::Device(c10::kCPU), 8);
  const auto truth = cache.folderFeatures(dir / "images", extractor);
  const auto file = truth.cacheFile;
  ASSERT_TRUE(fs::exists(file));
  const auto size = fs::file_size(file);

  const std::vector<std::pair<std::string, std::function<void()>>> damages{
      {"a flipped byte in the feature data",
       [&] {
         std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
         f.seekg(static_cast<std::streamoff>(size - 5000));
         const char byte = static_cast<char>(f.get());
         f.seekp(static_cast<std::streamoff>(size - 5000));
         f.put(static_cast<char>(~byte));
       }},
      {"a truncated file", [&] { fs::resize_file(file, size / 2); }},
      {"garbage", [&] { std::ofstream(file, std::ios::binary | std::ios::trunc) << "garbage"; }},
      {"another entry's contents", [&] {
         writeSafetensors(file, {{"pool3", torch::zeros({3, 2048})}, {"logits_unbiased", torch::zeros({3, 1008})}},
                          {{"format", "panocast-feature-cache/1"}, {"key", "0"}});
       }}};
  const int64_t before = extractor.imagesExtracted();
  int64_t runs = 0;
  for (const auto& [what, damage] : damages) {
    damage();
    const auto rebuilt = cache.folderFeatures(dir / "images", extractor);
    ++runs;
    EXPECT_FALSE(rebuilt.fromCache) << what;
    EXPECT_TRUE(contains(rebuilt.cacheNote, "damaged cache file")) << what << ": " << rebuilt.cacheNote;
    std::cout << "[ cache ] " << what << ": " << rebuilt.cacheNote << "\n";
    EXPECT_TRUE(torch::equal(rebuilt.pool3, truth.pool3)) << what;
    EXPECT_EQ(extractor.imagesExtracted(), before + 3 * runs) << what;
    // The rebuilt entry is whole again.
    EXPECT_EQ(fs::file_size(file), size) << what;
    EXPECT_TRUE(cache.folderFeatures(dir / "images", extractor).fromCache) << what;
  }
}

TEST(FeatureCache, CancellationLeavesNoCacheFile) {
  torch::NoGradGuard noGrad;
  const auto dir = test::scratchDir("feature_cache_cancel");
  writeImageSet(dir / "images");
  InceptionFeatureExtractor extractor(detModel(), "det_fill", c10::Device(c10::kCPU), 2);
  FeatureCache cache(dir / "cache");

  // Stop once the network has run one batch.
  int64_t lastDone = 0;
  EXPECT_THROW(cache.folderFeatures(dir / "images", extractor,
                                    [&](const FeatureProgress& p) {
                                      if (p.stage == FeatureStage::Extracting) lastDone = p.done;
                                      return !(p.stage == FeatureStage::Extracting && p.done >= 2);
                                    }),
               Cancelled);
  EXPECT_EQ(lastDone, 2);
  EXPECT_EQ(extractor.imagesExtracted(), 2);
  // Stop while hashing.
  EXPECT_THROW(cache.folderFeatures(dir / "images", extractor,
                                    [](const FeatureProgress& p) { return p.stage != FeatureStage::Hashing || p.done < 3; }),
               Cancelled);
  for (const auto& entry : cacheEntries(dir / "cache")) ADD_FAILURE() << "left behind: " << entry;

  // Progress reaches the total when not stopped.
  FeatureProgress last;
  const auto result = cache.folderFeatures(dir / "images", extractor, [&](const FeatureProgress& p) {
    if (p.stage == FeatureStage::Extracting) last = p;
    return true;
  });
  EXPECT_EQ(last.done, 6);
  EXPECT_EQ(last.total, 6);
  EXPECT_EQ(cacheEntries(dir / "cache").size(), 1u);
}

TEST(FeatureCache, MissingEmptyOrUnreadableFoldersAreErrors) {
  const auto dir = test::scratchDir("feature_cache_errors");
  FeatureCache cache(dir / "cache");
  InceptionFeatureExtractor extractor(detModel(), "det_fill");
  auto message = errorOf([&] { cache.folderFeatures(dir / "missing", extractor); });
  EXPECT_TRUE(contains(message, "missing: folder not found")) << message;
  fs::create_directories(dir / "empty");
  std::ofstream(dir / "empty" / "readme.txt") << "no images here";
  message = errorOf([&] { cache.folderFeatures(dir / "empty", extractor); });
  EXPECT_TRUE(contains(message, "holds no images")) << message;
  fs::create_directories(dir / "bad");
  std::ofstream(dir / "bad" / "x.png") << "not a png";
  std::ofstream(dir / "bad" / "y.jpg") << "not a jpeg";
  message = errorOf([&] { cache.folderFeatures(dir / "bad", extractor); });
  EXPECT_TRUE(contains(message, "none of the 2 images could be read")) << message;
  EXPECT_TRUE(contains(message, "x.png")) << message;
  EXPECT_EQ(extractor.imagesExtracted(), 0);
  EXPECT_TRUE(cacheEntries(dir / "cache").empty());
  message = errorOf([&] { InceptionFeatureExtractor(dir / "no-such-weights.pth"); });
  EXPECT_TRUE(contains(message, "pt_inception-2015-12-05-6726825d.pth")) << message;
}
