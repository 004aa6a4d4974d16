#include "metrics/metrics_job.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "geometry/rig.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "metrics/feature_cache.h"
#include "metrics/feature_statistics.h"
#include "metrics/inception_score.h"
#include "metrics/kid.h"
#include "metrics/panorama_runs.h"
#include "metrics/prompt_pairing.h"
#include "metrics/seam_score.h"
#include "metrics/view_consistency.h"
#include "runtime/device.h"
#include "runtime/error.h"
#include "runtime/stopwatch.h"
#include "runtime/version.h"
#if PANOCAST_WITH_CLIP_SCORE
#include "metrics/clip_score.h"
#endif

namespace panocast {

const char* const kInceptionWeightsFile = "pt_inception-2015-12-05-6726825d.pth";
const char* const kInceptionWeightsUrl =
    "https://github.com/mseitzer/pytorch-fid/releases/download/fid_weights/pt_inception-2015-12-05-6726825d.pth";

namespace {
namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr int kIsSplits = 10;  // torch-fidelity's defaults (metrics.md §4, §5)
constexpr int kKidSubsets = 100;
constexpr int64_t kKidSubsetSize = 1000;
constexpr int64_t kFullRankImages = 2048;

// JSON has no infinity (PSNR of an exact match): such values are written as null.
Json number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

std::string formatNumber(double value, int precision = 4) {
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", precision, value);
  return text;
}

// Everything one job accumulates on its way.
struct Report {
  const MetricsJobEvents& events;
  MetricsReport out;
  Json warnings = Json::array();
  Json skipped = Json::object();

  void row(const std::string& metric, const std::string& value) { out.table.emplace_back(metric, value); }
  void warn(const std::string& text) {
    if (events.onWarning) events.onWarning(text);
    warnings.push_back(text);
  }
  void skip(const std::string& metric, const std::string& reason) {
    skipped[metric] = reason;
    row(metric, "skipped: " + reason);
  }
  void checkCancel() const {
    if (events.cancelRequested && events.cancelRequested()) throw Cancelled();
  }
  FeatureProgressCallback progressOn(const std::string& set) const {
    return [this, set](const FeatureProgress& p) {
      if (events.onProgress)
        events.onProgress(p.stage == FeatureStage::Hashing ? "hashing " + set : "Inception (" + set + ")", p.done, p.total);
      return !(events.cancelRequested && events.cancelRequested());
    };
  }
};

// ── View consistency ─────────────────────────────────────────────────────────────────────────

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

Json consistencyOf(const GeneratedSet& set, Report& report) {
  Json runs = Json::array(), skippedRuns = Json::array();
  double psnrSum = 0, ssimSum = 0, wrapSum = 0, seamSum = 0;
  int scored = 0, seamScored = 0, done = 0;
  for (const auto& run : set.runs) {
    if (report.events.onProgress) report.events.onProgress("consistency", done++, static_cast<int64_t>(set.runs.size()));
    if (!run.problem.empty()) {
      report.warn("consistency: skipped run " + run.folder.string() + ": " + run.problem);
      skippedRuns.push_back({{"run", run.folder.string()}, {"reason", run.problem}});
      continue;
    }
    report.checkCancel();
    std::optional<RunScore> score;
    std::string seamProblem;
    Json json;
    try {
      json = scoreRun(run, score, seamProblem);
    } catch (const Error& e) {
      report.warn("consistency: skipped run " + run.folder.string() + ": " + e.what());
      skippedRuns.push_back({{"run", run.folder.string()}, {"reason", e.what()}});
      continue;
    }
    if (!run.note.empty()) report.warn(run.folder.string() + ": " + run.note);
    const auto& c = score->consistency;
    ++scored;
    psnrSum += c.meanPsnrDb;
    ssimSum += c.meanSsim;
    wrapSum += c.wrapPair().psnrDb;
    const std::string prefix = set.runs.size() == 1 ? "" : run.folder.filename().string() + ": ";
    if (set.runs.size() == 1) {
      for (const auto& pair : c.pairs)
        report.row("overlap PSNR / SSIM, views " + std::to_string(pair.from) + "-" + std::to_string(pair.to) +
                       (&pair == &c.wrapPair() ? " (wrap)" : ""),
                   formatNumber(pair.psnrDb, 2) + " dB / " + formatNumber(pair.ssim, 4));
    }
    report.row(prefix + "overlap PSNR, mean of " + std::to_string(c.pairs.size()) + " pairs",
               formatNumber(c.meanPsnrDb, 2) + " dB (pooled " + formatNumber(c.pooledPsnrDb, 2) + " dB)");
    report.row(prefix + "overlap SSIM, mean", formatNumber(c.meanSsim, 4));
    if (score->seam) {
      ++seamScored;
      seamSum += score->seam->ratio;
      report.row(prefix + "seam score (seam / background step)", formatNumber(score->seam->ratio, 3));
    } else {
      report.row(prefix + "seam score", "skipped: " + seamProblem);
    }
    runs.push_back(json);
  }
  Json result = {{"runs", runs}, {"runs_scored", scored}, {"runs_skipped", skippedRuns}};
  if (scored > 0) {
    result["mean_overlap_psnr_db"] = number(psnrSum / scored);
    result["mean_overlap_ssim"] = number(ssimSum / scored);
    result["mean_wrap_overlap_psnr_db"] = number(wrapSum / scored);
    if (set.runs.size() > 1) {
      report.row("overlap PSNR, mean over " + std::to_string(scored) + " runs", formatNumber(psnrSum / scored, 2) + " dB");
      report.row("overlap SSIM, mean over runs", formatNumber(ssimSum / scored, 4));
    }
  }
  if (seamScored > 0) result["mean_seam_to_background_ratio"] = number(seamSum / seamScored);
  return result;
}

// FID of the first n generated images against all references, for n growing to all of them:
// shows how far FID still is from settling (it is biased upwards at small n).
Json fidCurve(const at::Tensor& generated, const FeatureStatistics& reference) {
  Json curve = Json::array();
  const int64_t total = generated.size(0);
  std::vector<int64_t> counts;
  for (int64_t n = 2; n < total; n = n < 8 ? n * 2 : n * 3 / 2) counts.push_back(n);
  counts.push_back(total);
  for (const auto n : counts)
    curve.push_back({{"images", n}, {"fid", number(frechetDistance(featureStatistics(generated.slice(0, 0, n)), reference))}});
  return curve;
}

void validate(const MetricsJobSpec& spec) {
  std::error_code ec;
  if (spec.batch < 1) throw Error("batch size must be at least 1");
  if (!spec.reference.empty()) {
    if (!fs::exists(spec.reference, ec)) throw Error(spec.reference.string() + ": folder not found");
    if (!fs::is_directory(spec.reference, ec)) throw Error(spec.reference.string() + ": not a folder");
  }
  if (!spec.inception.empty()) {
    if (!fs::exists(spec.inception, ec)) throw Error(spec.inception.string() + ": file not found");
    if (!fs::is_regular_file(spec.inception, ec)) throw Error(spec.inception.string() + ": not a file");
  }
  if (!spec.clip.empty()) {
    if (!fs::exists(spec.clip, ec)) throw Error(spec.clip.string() + ": CLIP model folder not found");
    if (!fs::is_directory(spec.clip, ec))
      throw Error(spec.clip.string() + ": not a folder; CLIP models are transformers folders (convert OpenAI's .pt "
                                       "with `panocast convert`)");
  }
}

// ── CLIP score ───────────────────────────────────────────────────────────────────────────────

// torchmetrics' CLIPScore per image, the clamped mean, and the same per method.
void clipMetrics(const MetricsJobSpec& spec, const PromptPairing& pairing, Report& report, Json& json) {
#if PANOCAST_WITH_CLIP_SCORE
  std::vector<ClipScoreItem> items;
  for (const auto& p : pairing.images) items.push_back({p.image, p.prompt});
  const auto run = scoreClipItems(spec.clip, spec.device, spec.batch, items, [&](int64_t done, int64_t total) {
    if (report.events.onProgress) report.events.onProgress("CLIP", done, total);
    return !(report.events.cancelRequested && report.events.cancelRequested());
  });
  for (const auto& problem : run.unreadable) report.warn("CLIP score: skipped " + problem);
  if (run.truncatedPrompts > 0)
    report.warn("CLIP score: " + std::to_string(run.truncatedPrompts) +
                " image prompt(s) are longer than CLIP's 77 tokens and were cut (as OpenAI's truncate=True)");
  struct Sums { double sum = 0, squares = 0; int64_t n = 0; };
  std::map<std::string, Sums> byMethod;
  Sums all;
  Json perImage = Json::array();
  for (size_t i = 0; i < items.size(); ++i) {
    const double s = run.scores[i];
    if (!std::isfinite(s)) continue;
    for (Sums* sums : {&all, &byMethod[pairing.images[i].method]}) sums->sum += s, sums->squares += s * s, ++sums->n;
    perImage.push_back({{"image", items[i].image.string()}, {"score", s}});
  }
  if (all.n == 0) {
    report.skip("clip_score", "no image could be read");
    return;
  }
  auto summary = [](const Sums& s) {
    const double mean = s.sum / s.n;
    const double var = s.n > 1 ? std::max(0.0, (s.squares - s.n * mean * mean) / (s.n - 1)) : 0.0;
    return Json{{"score", std::max(mean, 0.0)}, {"mean_unclamped", mean}, {"std", std::sqrt(var)}, {"images", s.n}};
  };
  const Json total = summary(all);
  json["clip_score"] = total["score"];
  json["clip_score_std"] = total["std"];
  Json details = total;
  details["model"] = run.modelName;
  details["model_folder"] = spec.clip.string();
  details["convention"] =
      "torchmetrics CLIPScore: 100·cos(image, prompt) per image, the mean clamped at 0; each view against its own "
      "prompt; transformers preprocessing (Pillow bicubic, centre crop); prompts cut to 77 tokens";
  details["truncated_prompts"] = run.truncatedPrompts;
  if (byMethod.size() > 1 || (byMethod.size() == 1 && !byMethod.begin()->first.empty())) {
    Json methods = Json::object();
    for (const auto& [method, sums] : byMethod) methods[method.empty() ? "unknown" : method] = summary(sums);
    details["by_method"] = methods;
  }
  details["per_image"] = perImage;
  json["clip_score_details"] = details;
  char text[96];
  std::snprintf(text, sizeof text, "%.4f ± %.4f (%s, %lld images)", total["score"].get<double>(),
                total["std"].get<double>(), run.modelName.c_str(), static_cast<long long>(all.n));
  report.row("clip_score", text);
#else
  (void)spec, (void)pairing, (void)json;
  report.skip("clip_score", "this build has no CLIP tokenizer (built without ICU)");
#endif
}

void inceptionMetrics(const MetricsJobSpec& spec, const GeneratedSet& generated,
                      const std::vector<fs::path>& referenceFiles, Report& report, Json& json, Json& timings,
                      int64_t& generatedCount, int64_t& referenceCount, Json& skippedImages) {
  const auto device = parseDevice(spec.device);
  InceptionFeatureExtractor extractor(spec.inception, device, spec.batch);
  json["feature_extractor"] = {{"weights", spec.inception.string()},
                               {"pipeline", "torch-fidelity 0.4: uint8 RGB, TF1 bilinear to 299x299, (x-128)/128, "
                                            "FID Inception-v3 pool3 (2048) and bias-free logits (1008)"},
                               {"device", describeDevice(device)},
                               {"batch_size", spec.batch}};
  auto stageStart = std::chrono::steady_clock::now();
  const auto genFeatures = computeImageFeatures(generated.images, extractor, report.progressOn("generated images"));
  timings["generated_features"] = secondsSince(stageStart);
  generatedCount = genFeatures.count();
  for (const auto& s : genFeatures.skipped) skippedImages.push_back({{"file", s.file.string()}, {"reason", s.reason}});
  if (!genFeatures.skipped.empty()) report.warn("generated: " + describeSkippedImages(genFeatures.skipped));

  std::optional<ImageSetFeatures> refFeatures;
  if (!spec.reference.empty()) {
    const auto start = std::chrono::steady_clock::now();
    if (!spec.useCache) {
      refFeatures = computeImageFeatures(referenceFiles, extractor, report.progressOn("reference images"));
    } else {
      FeatureCache cache(spec.cacheFolder.empty() ? FeatureCache::defaultFolder() : spec.cacheFolder);
      refFeatures = cache.folderFeatures(spec.reference, extractor, report.progressOn("reference images"));
    }
    const double seconds = secondsSince(start);
    timings["reference_features"] = seconds;
    referenceCount = refFeatures->count();
    for (const auto& s : refFeatures->skipped) skippedImages.push_back({{"file", s.file.string()}, {"reason", s.reason}});
    if (!refFeatures->skipped.empty()) report.warn("reference: " + describeSkippedImages(refFeatures->skipped));
    if (!refFeatures->cacheNote.empty()) report.warn(refFeatures->cacheNote);
    if (report.events.onNote) {
      char timing[64];
      std::snprintf(timing, sizeof timing, "%.2f s", seconds);
      report.events.onNote("reference features: " + std::to_string(referenceCount) + " images " +
                           (refFeatures->fromCache ? "loaded from the cache " + refFeatures->cacheFile.string()
                            : refFeatures->cacheFile.empty() ? std::string("computed (not cached)")
                                                             : "computed and cached in " + refFeatures->cacheFile.string()) +
                           " (" + timing + ")");
    }
    json["reference"]["features_from_cache"] = refFeatures->fromCache;
    json["reference"]["cache_file"] = refFeatures->cacheFile.empty() ? Json(nullptr) : Json(refFeatures->cacheFile.string());
  }

  // Inception Score: generated images only.
  if (generatedCount < kIsSplits) {
    report.skip("inception_score", "needs at least " + std::to_string(kIsSplits) + " generated images (have " +
                                       std::to_string(generatedCount) + ")");
  } else {
    stageStart = std::chrono::steady_clock::now();
    const auto is = inceptionScore(genFeatures.logitsUnbiased);
    timings["inception_score"] = secondsSince(stageStart);
    json["inception_score_mean"] = number(is.mean);
    json["inception_score_std"] = number(is.std);
    json["inception_score_splits"] = kIsSplits;
    report.row("Inception Score (" + std::to_string(kIsSplits) + " splits)", formatNumber(is.mean) + " ± " + formatNumber(is.std));
  }

  if (!refFeatures) {
    report.skip("fid", "needs a reference folder (real images to compare with)");
    report.skip("kid", "needs a reference folder (real images to compare with)");
    return;
  }
  if (generatedCount < 2 || referenceCount < 2) {
    report.skip("fid", "needs at least 2 images on each side");
  } else {
    if (std::min(generatedCount, referenceCount) < kFullRankImages)
      report.warn("FID from " + std::to_string(generatedCount) + " generated and " + std::to_string(referenceCount) +
                  " reference images: below 2048 images per set the covariance is rank-deficient and FID is biased "
                  "upwards; compare only numbers computed with the same counts (KID is unbiased)");
    report.checkCancel();
    stageStart = std::chrono::steady_clock::now();
    const auto referenceStatistics = featureStatistics(refFeatures->pool3);
    const double fid = frechetDistance(featureStatistics(genFeatures.pool3), referenceStatistics);
    timings["fid"] = secondsSince(stageStart);
    json["fid"] = number(fid);
    report.row("FID", formatNumber(fid) + " (" + std::to_string(generatedCount) + " vs " + std::to_string(referenceCount) +
                          " images)");
    if (spec.fidCurve) json["fid_by_generated_images"] = fidCurve(genFeatures.pool3, referenceStatistics);
  }
  const int64_t subsetSize = std::min({kKidSubsetSize, generatedCount, referenceCount});
  if (subsetSize < 2) {
    report.skip("kid", "needs at least 2 images on each side");
    return;
  }
  if (subsetSize < kKidSubsetSize)
    report.warn("KID with subsets of " + std::to_string(subsetSize) +
                " images (torch-fidelity uses 1000, which needs 1000 images per set)");
  KidSettings settings;
  settings.subsets = kKidSubsets;
  settings.subsetSize = subsetSize;
  report.checkCancel();
  stageStart = std::chrono::steady_clock::now();
  const auto kid = kernelInceptionDistance(genFeatures.pool3, refFeatures->pool3, settings);
  timings["kid"] = secondsSince(stageStart);
  json["kid_mean"] = number(kid.mean);
  json["kid_std"] = number(kid.std);
  json["kid_subsets"] = kKidSubsets;
  json["kid_subset_size"] = subsetSize;
  report.row("KID (" + std::to_string(kKidSubsets) + " subsets of " + std::to_string(subsetSize) + ")",
             formatNumber(kid.mean, 6) + " ± " + formatNumber(kid.std, 6));
}

}  // namespace

MetricsReport runMetricsJob(const MetricsJobSpec& spec, const MetricsJobEvents& events) {
  const auto totalStart = std::chrono::steady_clock::now();
  // Every input is checked before any slow work starts.
  validate(spec);
  parseDevice(spec.device);
  const auto generated = discoverGenerated(spec.generated);
  const auto pairing = spec.clip.empty() ? PromptPairing{} : pairImagesWithPrompts(generated, spec.prompts);
  std::vector<fs::path> referenceFiles;
  if (!spec.reference.empty()) {
    referenceFiles = listImageFiles(spec.reference);
    if (referenceFiles.empty())
      throw Error(spec.reference.string() + " holds no images (PNG, JPEG, … files directly in the folder)");
  }

  Report report{events, {}};
  Json& json = report.out.json;
  Json timings = Json::object(), skippedImages = Json::array();
  json["panocast_version"] = productVersion();
  Json folders = Json::array();
  for (const auto& folder : spec.generated) folders.push_back(folder.string());
  json["generated"] = {{"folder", folders.size() == 1 ? folders[0] : folders},
                       {"layout", generated.runsLayout ? "panorama_runs" : "images"},
                       {"runs", generated.runs.size()}};
  std::map<std::string, int> methods;
  for (const auto& run : generated.runs)
    if (!run.method.empty()) ++methods[run.method];
  if (!methods.empty()) json["generated"]["methods"] = methods;
  json["reference"] = spec.reference.empty() ? Json(nullptr) : Json({{"folder", spec.reference.string()}});
  int64_t generatedCount = static_cast<int64_t>(generated.images.size());
  int64_t referenceCount = static_cast<int64_t>(referenceFiles.size());

  if (spec.inception.empty()) {
    const std::string reason = "no Inception weights; " + spec.inceptionHint + " " + kInceptionWeightsFile + " (" +
                               kInceptionWeightsUrl + ")";
    for (const char* metric : {"fid", "kid", "inception_score"}) report.skipped[metric] = reason;
    report.row("fid, kid, inception_score", "skipped: " + reason);
  } else {
    inceptionMetrics(spec, generated, referenceFiles, report, json, timings, generatedCount, referenceCount, skippedImages);
  }

  if (spec.clip.empty()) {
    report.skip("clip_score", "no CLIP model; " + spec.clipHint + " (a transformers CLIPModel folder such as "
                              "openai/clip-vit-base-patch16, or OpenAI's .pt converted with `panocast convert`)");
  } else if (!pairing.problem.empty()) {
    report.skip("clip_score", pairing.problem + "; " + spec.promptsHint);
  } else {
    for (const auto& warning : pairing.warnings) report.warn(warning);
    const auto stageStart = std::chrono::steady_clock::now();
    clipMetrics(spec, pairing, report, json);
    timings["clip_score"] = secondsSince(stageStart);
  }

  if (!spec.consistency) {
    json["consistency"] = nullptr;
    const std::string hint = spec.consistencyHint.empty() ? "" : " (" + spec.consistencyHint + ")";
    report.skip("consistency", generated.runsLayout ? "not requested" + hint
                                                    : "not requested, and the generated folder holds no panorama runs");
  } else if (!generated.runsLayout) {
    json["consistency"] = nullptr;
    report.skip("consistency", "the generated folder holds no panorama runs (folders with view_0.png … and run.json, as "
                               "written by `panocast generate --method … --out DIR`)");
  } else {
    const auto stageStart = std::chrono::steady_clock::now();
    json["consistency"] = consistencyOf(generated, report);
    timings["consistency"] = secondsSince(stageStart);
    if (json["consistency"]["runs_scored"] == 0) {
      json["consistency"] = nullptr;
      report.skip("consistency", "no run could be scored (see the warnings)");
    }
  }

  json["images"] = {{"generated", generatedCount}, {"reference", referenceCount}, {"skipped", skippedImages}};
  json["skipped_metrics"] = report.skipped;
  json["warnings"] = report.warnings;
  timings["total"] = secondsSince(totalStart);
  json["timings_s"] = timings;
  return std::move(report.out);
}

}  // namespace panocast
