// panocast metrics: how good and how consistent generated images are.
//   - FID, KID (against a reference folder) and the Inception Score, computed as torch-fidelity 0.4
//     does, when FID Inception weights are given (--inception); the reference set's features are
//     cached (metrics/feature_cache.h), so a second run against the same references is quick;
//   - view consistency of panorama runs (`panocast generate --method … --out DIR` folders): overlap
//     PSNR/SSIM between neighbouring views, the 360° wrap seam, and the stitched panorama's seam
//     score; needs no learned weights.
// Metrics that cannot be computed are skipped with a one-line reason; the JSON carries units in
// its field names.
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "commands.h"
#include "geometry/rig.h"
#include "interrupt.h"
#include "io/atomic_file.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "io/json_file.h"
#include "metrics/feature_cache.h"
#include "metrics/feature_statistics.h"
#include "metrics/inception_score.h"
#include "metrics/kid.h"
#include "metrics/seam_score.h"
#include "metrics/view_consistency.h"
#include "progress_bar.h"
#include "runtime/device.h"
#include "runtime/error.h"
#include "runtime/version.h"

namespace panocast::cli {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr const char* kInceptionFile = "pt_inception-2015-12-05-6726825d.pth";
constexpr const char* kInceptionUrl =
    "https://github.com/mseitzer/pytorch-fid/releases/download/fid_weights/pt_inception-2015-12-05-6726825d.pth";
constexpr int kIsSplits = 10;          // torch-fidelity's defaults (metrics.md §4, §5)
constexpr int kKidSubsets = 100;
constexpr int64_t kKidSubsetSize = 1000;
constexpr int64_t kFullRankImages = 2048;

struct MetricsOptions {
  std::string generated, reference, prompts, inception, clip, out, cacheDir;
  std::string device = "cpu";
  bool consistency = false;
  bool noCache = false;
  int batch = 32;
};

// One `panocast generate --method` output folder.
struct PanoramaRun {
  fs::path folder;
  std::vector<fs::path> views;  // view_0.png … view_{N−1}.png that exist
  int viewCount = 0;            // N, from run.json (or the views found)
  double fovDeg = 90;
  std::string method;
  fs::path panorama;            // empty when there is none
  std::string problem;          // why consistency cannot be scored; empty when it can
  std::string note;             // e.g. the assumptions made without run.json
};

struct GeneratedSet {
  bool runsLayout = false;
  std::vector<PanoramaRun> runs;
  std::vector<fs::path> images;  // what FID/KID/IS see: the runs' views, or the folder's images
};

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────────

fs::path viewPath(const fs::path& folder, int k) { return folder / ("view_" + std::to_string(k) + ".png"); }

bool isRunFolder(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(viewPath(folder, 0), ec);
}

PanoramaRun readRun(const fs::path& folder) {
  PanoramaRun run;
  run.folder = folder;
  std::error_code ec;
  const auto runJson = folder / "run.json";
  std::string panoramaName = "panorama.png";
  if (fs::is_regular_file(runJson, ec)) {
    try {
      const auto json = readJsonFile(runJson);
      run.viewCount = json.value("views", 0);
      run.fovDeg = json.value("fov_deg", 0.0);
      run.method = json.value("method", std::string());
      if (json.contains("panorama") && json["panorama"].is_object())
        panoramaName = json["panorama"].value("file", panoramaName);
      if (run.viewCount < 2 || !(run.fovDeg > 0 && run.fovDeg < 180))
        run.problem = "run.json lacks a usable \"views\" (≥ 2) or \"fov_deg\"";
    } catch (const std::exception& e) {
      run.problem = std::string("run.json cannot be read: ") + e.what();
    }
  } else {
    while (fs::is_regular_file(viewPath(folder, run.viewCount), ec)) ++run.viewCount;
    run.fovDeg = 90;
    run.note = "no run.json: assumed " + std::to_string(run.viewCount) + " views of 90° at yaw 360°·k/" +
               std::to_string(run.viewCount) + " (MVDiffusion's ring)";
    if (run.viewCount < 2) run.problem = "a ring needs at least two views (view_0.png, view_1.png, …)";
  }
  // The views run.json promises, then any further ones present (all go to FID/KID/IS).
  const int count = std::max(run.viewCount, 0);
  for (int k = 0; k < count || fs::is_regular_file(viewPath(folder, k), ec); ++k) {
    if (fs::is_regular_file(viewPath(folder, k), ec)) run.views.push_back(viewPath(folder, k));
    else if (run.problem.empty()) run.problem = viewPath(folder, k).filename().string() + " is missing";
  }
  if (static_cast<int>(run.views.size()) > count && run.problem.empty())
    run.problem = "holds more view_*.png files than run.json's " + std::to_string(count) + " views";
  if (fs::is_regular_file(folder / panoramaName, ec)) run.panorama = folder / panoramaName;
  return run;
}

GeneratedSet discoverGenerated(const fs::path& folder) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) throw Error("--generated: " + folder.string() + ": folder not found");
  if (!fs::is_directory(folder, ec)) throw Error("--generated: " + folder.string() + ": not a folder");
  GeneratedSet set;
  if (isRunFolder(folder)) {
    set.runsLayout = true;
    set.runs.push_back(readRun(folder));
  } else {
    std::vector<fs::path> runFolders;
    for (const auto& entry : fs::directory_iterator(folder, ec))
      if (entry.is_directory(ec) && isRunFolder(entry.path())) runFolders.push_back(entry.path());
    std::sort(runFolders.begin(), runFolders.end());
    set.runsLayout = !runFolders.empty();
    for (const auto& runFolder : runFolders) set.runs.push_back(readRun(runFolder));
  }
  if (set.runsLayout) {
    for (const auto& run : set.runs) set.images.insert(set.images.end(), run.views.begin(), run.views.end());
  } else {
    set.images = listImageFiles(folder);
  }
  if (set.images.empty())
    throw Error("--generated: " + folder.string() +
                " holds no images (PNG, JPEG, … files, or panorama runs: subfolders with view_0.png …)");
  return set;
}

void requireFile(const std::string& path, const char* option) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(std::string(option) + ": " + path + ": file not found");
  if (!fs::is_regular_file(path, ec)) throw Error(std::string(option) + ": " + path + ": not a file");
}

void requireFolder(const std::string& path, const char* option) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Error(std::string(option) + ": " + path + ": folder not found");
  if (!fs::is_directory(path, ec)) throw Error(std::string(option) + ": " + path + ": not a folder");
}

// ── Output helpers ──────────────────────────────────────────────────────────────────────────────

// JSON has no infinity (PSNR of an exact match): such values are written as null.
Json number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

std::string formatNumber(double value, int precision = 4) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", precision, value);
  return text;
}

struct Table {
  std::vector<std::pair<std::string, std::string>> rows;
  void add(const std::string& metric, const std::string& value) { rows.emplace_back(metric, value); }
  void print() const {
    size_t width = 6;
    for (const auto& [metric, value] : rows) width = std::max(width, metric.size());
    std::printf("%-*s  %s\n", static_cast<int>(width), "metric", "value");
    std::printf("%s  %s\n", std::string(width, '-').c_str(), std::string(32, '-').c_str());
    for (const auto& [metric, value] : rows) std::printf("%-*s  %s\n", static_cast<int>(width), metric.c_str(), value.c_str());
  }
};

void warn(Json& warnings, const std::string& text) {
  std::cerr << "warning: " << text << "\n";
  warnings.push_back(text);
}

// Progress on a bar ("Inception (generated images)", "hashing reference images"), Ctrl-C as
// cancellation.
FeatureProgressCallback progressOn(const std::string& set) {
  auto hashing = std::make_shared<std::unique_ptr<ProgressBar>>();
  auto extracting = std::make_shared<std::unique_ptr<ProgressBar>>();
  return [=](const FeatureProgress& p) {
    auto& bar = p.stage == FeatureStage::Hashing ? *hashing : *extracting;
    if (!bar)
      bar = std::make_unique<ProgressBar>(p.stage == FeatureStage::Hashing ? "hashing " + set : "Inception (" + set + ")");
    if (p.total > 0) bar->update(static_cast<int>(p.done), static_cast<int>(p.total));
    if (p.done >= p.total) bar->finish();
    return !interruptRequested();
  };
}

// ── View consistency ────────────────────────────────────────────────────────────────────────────

// The rows every column of a stitched panorama covers (alpha 255 throughout), the longest band.
std::optional<std::pair<int, int>> fullyCoveredRows(const ImageU8& rgba) {
  int bestBegin = 0, bestEnd = 0, begin = -1;
  for (int y = 0; y <= rgba.height; ++y) {
    bool opaque = false;
    if (y < rgba.height) {
      opaque = true;
      const uint8_t* row = rgba.row(y);
      for (int x = 0; x < rgba.width && opaque; ++x) opaque = row[x * 4 + 3] == 255;
    }
    if (opaque && begin < 0) begin = y;
    if (!opaque && begin >= 0) {
      if (y - begin > bestEnd - bestBegin) bestBegin = begin, bestEnd = y;
      begin = -1;
    }
  }
  if (bestEnd - bestBegin < 1) return std::nullopt;
  return std::make_pair(bestBegin, bestEnd);
}

struct RunScore {
  ViewConsistency consistency;
  std::optional<SeamScore> seam;
};

Json scoreRun(const PanoramaRun& run, std::optional<RunScore>& score, std::string& seamProblem) {
  std::vector<at::Tensor> views;
  int size = 0;
  for (int k = 0; k < run.viewCount; ++k) {
    const auto image = readImageU8(run.views.at(k), 3);
    if (image.width != image.height)
      throw Error(run.views[k].filename().string() + " is " + std::to_string(image.width) + "×" +
                  std::to_string(image.height) + "; ring views are square");
    if (k == 0) size = image.width;
    else if (image.width != size)
      throw Error(run.views[k].filename().string() + " is " + std::to_string(image.width) + " px wide, view_0.png " +
                  std::to_string(size));
    views.push_back(toTensor(image));
  }
  const auto rig = Rig::ring(run.viewCount, run.fovDeg, size);
  RunScore result{viewConsistency(torch::stack(views), rig), std::nullopt};

  Json json;
  json["run"] = run.folder.filename().string();
  json["folder"] = run.folder.string();
  if (!run.method.empty()) json["method"] = run.method;
  json["views"] = run.viewCount;
  json["fov_deg"] = run.fovDeg;
  json["view_size_px"] = size;
  Json pairs = Json::array();
  for (const auto& pair : result.consistency.pairs)
    pairs.push_back({{"views", {pair.from, pair.to}},
                     {"overlap_psnr_db", number(pair.psnrDb)},
                     {"overlap_ssim", number(pair.ssim)},
                     {"overlap_mse_0_255", number(pair.mse)},
                     {"overlap_pixels", pair.overlapPixels}});
  json["pairs"] = pairs;
  json["mean_overlap_psnr_db"] = number(result.consistency.meanPsnrDb);
  json["pooled_overlap_psnr_db"] = number(result.consistency.pooledPsnrDb);
  json["mean_overlap_ssim"] = number(result.consistency.meanSsim);
  const auto& wrap = result.consistency.wrapPair();
  json["wrap_seam"] = {{"views", {wrap.from, wrap.to}},
                       {"overlap_psnr_db", number(wrap.psnrDb)},
                       {"overlap_ssim", number(wrap.ssim)}};

  if (run.panorama.empty()) {
    seamProblem = "no panorama.png in the run";
  } else {
    try {
      const auto rgba = readImageU8(run.panorama, 4);
      const auto rows = fullyCoveredRows(rgba);
      if (!rows) throw Error("no row of " + run.panorama.filename().string() + " is covered in every column");
      SeamScoreSettings settings;
      settings.rowBegin = rows->first;
      settings.rowEnd = rows->second;
      const auto image = toTensor(rgba).slice(0, 0, 3);
      result.seam = seamScore(image, ringSeamLongitudes(rig.cameras()), settings);
      json["seam_score"] = {{"seam_to_background_ratio", number(result.seam->ratio)},
                            {"seam_step_0_255", number(255 * result.seam->seamStep)},
                            {"background_step_0_255", number(255 * result.seam->backgroundStep)},
                            {"seams", result.seam->seams},
                            {"rows", {rows->first, rows->second}}};
    } catch (const Error& e) {
      seamProblem = e.what();
    }
  }
  if (!seamProblem.empty()) {
    json["seam_score"] = nullptr;
    json["seam_score_skipped"] = seamProblem;
  }
  if (!run.note.empty()) json["note"] = run.note;
  score = result;
  return json;
}

Json consistencyOf(const GeneratedSet& set, Table& table, Json& warnings) {
  Json runs = Json::array(), skippedRuns = Json::array();
  double psnrSum = 0, ssimSum = 0, wrapSum = 0, seamSum = 0;
  int scored = 0, seamScored = 0;
  for (const auto& run : set.runs) {
    if (!run.problem.empty()) {
      warn(warnings, "consistency: skipped run " + run.folder.string() + ": " + run.problem);
      skippedRuns.push_back({{"run", run.folder.string()}, {"reason", run.problem}});
      continue;
    }
    if (interruptRequested()) throw Cancelled();
    std::optional<RunScore> score;
    std::string seamProblem;
    Json json;
    try {
      json = scoreRun(run, score, seamProblem);
    } catch (const Error& e) {
      warn(warnings, "consistency: skipped run " + run.folder.string() + ": " + e.what());
      skippedRuns.push_back({{"run", run.folder.string()}, {"reason", e.what()}});
      continue;
    }
    if (!run.note.empty()) warn(warnings, run.folder.string() + ": " + run.note);
    const auto& c = score->consistency;
    ++scored;
    psnrSum += c.meanPsnrDb;
    ssimSum += c.meanSsim;
    wrapSum += c.wrapPair().psnrDb;
    const std::string prefix = set.runs.size() == 1 ? "" : run.folder.filename().string() + ": ";
    if (set.runs.size() == 1) {
      for (const auto& pair : c.pairs)
        table.add("overlap PSNR / SSIM, views " + std::to_string(pair.from) + "-" + std::to_string(pair.to) +
                      (&pair == &c.wrapPair() ? " (wrap)" : ""),
                  formatNumber(pair.psnrDb, 2) + " dB / " + formatNumber(pair.ssim, 4));
    }
    table.add(prefix + "overlap PSNR, mean of " + std::to_string(c.pairs.size()) + " pairs",
              formatNumber(c.meanPsnrDb, 2) + " dB (pooled " + formatNumber(c.pooledPsnrDb, 2) + " dB)");
    table.add(prefix + "overlap SSIM, mean", formatNumber(c.meanSsim, 4));
    if (score->seam) {
      ++seamScored;
      seamSum += score->seam->ratio;
      table.add(prefix + "seam score (seam / background step)", formatNumber(score->seam->ratio, 3));
    } else {
      table.add(prefix + "seam score", "skipped: " + seamProblem);
    }
    runs.push_back(json);
  }
  Json result = {{"runs", runs}, {"runs_scored", scored}, {"runs_skipped", skippedRuns}};
  if (scored > 0) {
    result["mean_overlap_psnr_db"] = number(psnrSum / scored);
    result["mean_overlap_ssim"] = number(ssimSum / scored);
    result["mean_wrap_overlap_psnr_db"] = number(wrapSum / scored);
    if (set.runs.size() > 1) {
      table.add("overlap PSNR, mean over " + std::to_string(scored) + " runs", formatNumber(psnrSum / scored, 2) + " dB");
      table.add("overlap SSIM, mean over runs", formatNumber(ssimSum / scored, 4));
    }
  }
  if (seamScored > 0) result["mean_seam_to_background_ratio"] = number(seamSum / seamScored);
  return result;
}

// ── The command ─────────────────────────────────────────────────────────────────────────────────

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void metrics(const MetricsOptions& o) {
  const auto totalStart = std::chrono::steady_clock::now();
  // Every input is checked before any slow work starts.
  const auto device = parseDevice(o.device);
  if (o.batch < 1) throw Error("--batch: must be at least 1");
  const fs::path out(o.out);
  {
    const auto folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw Error("--out: " + o.out + ": folder " + folder.string() + " does not exist");
    if (fs::is_directory(out, ec)) throw Error("--out: " + o.out + " is a folder; give the JSON file to write");
  }
  if (!o.reference.empty()) requireFolder(o.reference, "--reference");
  if (!o.inception.empty()) requireFile(o.inception, "--inception");
  if (!o.prompts.empty()) requireFile(o.prompts, "--prompts");
  if (!o.clip.empty()) requireFolder(o.clip, "--clip");
  const auto generated = discoverGenerated(o.generated);
  std::vector<fs::path> referenceFiles;
  if (!o.reference.empty()) {
    referenceFiles = listImageFiles(o.reference);
    if (referenceFiles.empty())
      throw Error("--reference: " + o.reference + " holds no images (PNG, JPEG, … files directly in the folder)");
  }
  installInterruptHandler();

  Table table;
  Json json, skippedMetrics = Json::object(), warnings = Json::array(), skippedImages = Json::array();
  Json timings = Json::object();
  json["panocast_version"] = productVersion();
  json["generated"] = {{"folder", o.generated},
                       {"layout", generated.runsLayout ? "panorama_runs" : "images"},
                       {"runs", generated.runs.size()}};
  json["reference"] = o.reference.empty() ? Json(nullptr) : Json({{"folder", o.reference}});
  int64_t generatedCount = static_cast<int64_t>(generated.images.size());
  int64_t referenceCount = static_cast<int64_t>(referenceFiles.size());
  auto skip = [&](const std::string& metric, const std::string& reason) {
    skippedMetrics[metric] = reason;
    table.add(metric, "skipped: " + reason);
  };

  // FID / KID / Inception Score.
  if (o.inception.empty()) {
    const std::string reason = std::string("no Inception weights; pass --inception ") + kInceptionFile + " (" +
                               kInceptionUrl + ")";
    for (const char* metric : {"fid", "kid", "inception_score"}) skippedMetrics[metric] = reason;
    table.add("fid, kid, inception_score", "skipped: " + reason);
  } else {
    InceptionFeatureExtractor extractor(o.inception, device, o.batch);
    json["feature_extractor"] = {{"weights", o.inception},
                                 {"pipeline", "torch-fidelity 0.4: uint8 RGB, TF1 bilinear to 299x299, (x-128)/128, "
                                              "FID Inception-v3 pool3 (2048) and bias-free logits (1008)"},
                                 {"device", describeDevice(device)},
                                 {"batch_size", o.batch}};
    auto stageStart = std::chrono::steady_clock::now();
    const auto genFeatures = computeImageFeatures(generated.images, extractor, progressOn("generated images"));
    timings["generated_features"] = secondsSince(stageStart);
    generatedCount = genFeatures.count();
    for (const auto& s : genFeatures.skipped) skippedImages.push_back({{"file", s.file.string()}, {"reason", s.reason}});
    if (!genFeatures.skipped.empty()) warn(warnings, "generated: " + describeSkippedImages(genFeatures.skipped));

    std::optional<ImageSetFeatures> refFeatures;
    if (!o.reference.empty()) {
      const auto start = std::chrono::steady_clock::now();
      if (o.noCache) {
        refFeatures = computeImageFeatures(referenceFiles, extractor, progressOn("reference images"));
      } else {
        FeatureCache cache(o.cacheDir.empty() ? FeatureCache::defaultFolder() : fs::path(o.cacheDir));
        refFeatures = cache.folderFeatures(o.reference, extractor, progressOn("reference images"));
      }
      const double seconds = secondsSince(start);
      timings["reference_features"] = seconds;
      referenceCount = refFeatures->count();
      for (const auto& s : refFeatures->skipped)
        skippedImages.push_back({{"file", s.file.string()}, {"reason", s.reason}});
      if (!refFeatures->skipped.empty()) warn(warnings, "reference: " + describeSkippedImages(refFeatures->skipped));
      if (!refFeatures->cacheNote.empty()) warn(warnings, refFeatures->cacheNote);
      char timing[64];
      std::snprintf(timing, sizeof timing, "%.2f s", seconds);
      std::cout << "reference features: " << referenceCount << " images "
                << (refFeatures->fromCache ? "loaded from the cache " + refFeatures->cacheFile.string()
                    : refFeatures->cacheFile.empty() ? std::string("computed (not cached)")
                                                     : "computed and cached in " + refFeatures->cacheFile.string())
                << " (" << timing << ")\n";
      json["reference"]["features_from_cache"] = refFeatures->fromCache;
      json["reference"]["cache_file"] = refFeatures->cacheFile.empty() ? Json(nullptr) : Json(refFeatures->cacheFile.string());
    }

    // Inception Score: generated images only.
    if (generatedCount < kIsSplits) {
      skip("inception_score", "needs at least " + std::to_string(kIsSplits) + " generated images (have " +
                                  std::to_string(generatedCount) + ")");
    } else {
      stageStart = std::chrono::steady_clock::now();
      const auto is = inceptionScore(genFeatures.logitsUnbiased);
      timings["inception_score"] = secondsSince(stageStart);
      json["inception_score_mean"] = number(is.mean);
      json["inception_score_std"] = number(is.std);
      json["inception_score_splits"] = kIsSplits;
      table.add("Inception Score (" + std::to_string(kIsSplits) + " splits)",
                formatNumber(is.mean) + " ± " + formatNumber(is.std));
    }

    if (!refFeatures) {
      skip("fid", "needs --reference DIR (real images to compare with)");
      skip("kid", "needs --reference DIR (real images to compare with)");
    } else {
      if (generatedCount < 2 || referenceCount < 2) {
        skip("fid", "needs at least 2 images on each side");
      } else {
        if (std::min(generatedCount, referenceCount) < kFullRankImages)
          warn(warnings, "FID from " + std::to_string(generatedCount) + " generated and " + std::to_string(referenceCount) +
                             " reference images: below 2048 images per set the covariance is rank-deficient and FID "
                             "is biased upwards; compare only numbers computed with the same counts (KID is unbiased)");
        if (interruptRequested()) throw Cancelled();
        stageStart = std::chrono::steady_clock::now();
        const double fid = frechetDistance(featureStatistics(genFeatures.pool3), featureStatistics(refFeatures->pool3));
        timings["fid"] = secondsSince(stageStart);
        json["fid"] = number(fid);
        table.add("FID", formatNumber(fid) + " (" + std::to_string(generatedCount) + " vs " +
                             std::to_string(referenceCount) + " images)");
      }
      const int64_t subsetSize = std::min({kKidSubsetSize, generatedCount, referenceCount});
      if (subsetSize < 2) {
        skip("kid", "needs at least 2 images on each side");
      } else {
        if (subsetSize < kKidSubsetSize)
          warn(warnings, "KID with subsets of " + std::to_string(subsetSize) +
                             " images (torch-fidelity uses 1000, which needs 1000 images per set)");
        KidSettings settings;
        settings.subsets = kKidSubsets;
        settings.subsetSize = subsetSize;
        if (interruptRequested()) throw Cancelled();
        stageStart = std::chrono::steady_clock::now();
        const auto kid = kernelInceptionDistance(genFeatures.pool3, refFeatures->pool3, settings);
        timings["kid"] = secondsSince(stageStart);
        json["kid_mean"] = number(kid.mean);
        json["kid_std"] = number(kid.std);
        json["kid_subsets"] = kKidSubsets;
        json["kid_subset_size"] = subsetSize;
        table.add("KID (" + std::to_string(kKidSubsets) + " subsets of " + std::to_string(subsetSize) + ")",
                  formatNumber(kid.mean, 6) + " ± " + formatNumber(kid.std, 6));
      }
    }
  }

  // CLIP score needs CLIP's image tower, which the engine does not have (only the text encoder).
  skip("clip_score", "CLIP image encoder not built yet (panocast has CLIP's text encoder only); --clip and "
                     "--prompts are not used");

  // View consistency.
  if (!o.consistency) {
    json["consistency"] = nullptr;
    skip("consistency", generated.runsLayout ? "not requested (add --consistency)"
                                             : "not requested, and --generated holds no panorama runs");
  } else if (!generated.runsLayout) {
    json["consistency"] = nullptr;
    skip("consistency", "--generated holds no panorama runs (folders with view_0.png … and run.json, as written by "
                        "`panocast generate --method … --out DIR`)");
  } else {
    const auto stageStart = std::chrono::steady_clock::now();
    json["consistency"] = consistencyOf(generated, table, warnings);
    timings["consistency"] = secondsSince(stageStart);
    if (json["consistency"]["runs_scored"] == 0) {
      json["consistency"] = nullptr;
      skip("consistency", "no run could be scored (see the warnings)");
    }
  }

  json["images"] = {{"generated", generatedCount}, {"reference", referenceCount}, {"skipped", skippedImages}};
  json["skipped_metrics"] = skippedMetrics;
  json["warnings"] = warnings;
  timings["total"] = secondsSince(totalStart);
  json["timings_s"] = timings;
  writeFileAtomically(out, json.dump(2) + "\n");

  std::cout << "\n";
  table.print();
  std::cout << "\nwrote " << o.out << " (" << generatedCount << " generated"
            << (o.reference.empty() ? std::string() : ", " + std::to_string(referenceCount) + " reference") << " images)\n";
}

}  // namespace

void addMetricsCommand(CLI::App& app) {
  auto o = std::make_shared<MetricsOptions>();
  auto* cmd = app.add_subcommand("metrics", "FID, KID, Inception Score and panorama view consistency");
  cmd->add_option("--generated", o->generated,
                  "Folder of generated images, or of panorama runs (folders with view_*.png and run.json)")
      ->required();
  cmd->add_option("--reference", o->reference, "Folder of real images for FID/KID (features are cached)");
  cmd->add_option("--prompts", o->prompts, "Prompts for CLIP score, one per line (CLIP score is not available yet)");
  cmd->add_option("--inception", o->inception,
                  std::string("FID Inception weights: ") + kInceptionFile + " or a safetensors conversion");
  cmd->add_option("--clip", o->clip, "CLIP model folder (CLIP score is not available yet)");
  cmd->add_flag("--consistency", o->consistency, "Overlap PSNR/SSIM and seam score of panorama runs");
  cmd->add_option("--device", o->device, "cpu (default) or cuda");
  cmd->add_option("--out", o->out, "JSON file to write")->required();
  cmd->add_option("--cache-dir", o->cacheDir,
                  "Feature cache folder (default $PANOCAST_FEATURE_CACHE or ~/.cache/panocast/features)");
  cmd->add_flag("--no-cache", o->noCache, "Compute reference features without reading or writing the cache");
  cmd->add_option("--batch", o->batch, "Images per Inception batch")->capture_default_str();
  cmd->callback([o] { metrics(*o); });
}

}  // namespace panocast::cli
