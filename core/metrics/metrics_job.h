#pragma once
// The metrics job, shared by `panocast metrics` and the studio's Metrics tab: FID, KID and the
// Inception Score as torch-fidelity computes them (when Inception weights are given; reference
// features are cached), CLIP score as torchmetrics computes it (when a CLIP model is given), and
// the view consistency of panorama runs (overlap PSNR/SSIM between
// neighbouring views, the 360° wrap seam, the stitched panorama's seam score), which needs no
// learned weights. Metrics that cannot be computed are skipped with a one-line reason. The
// interface holds no LibTorch types; the report is JSON whose field names carry their units.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace panocast {

struct MetricsJobSpec {
  // What was generated: one folder of images, one folder of panorama runs (sub-folders with
  // view_0.png … and run.json), a single run folder, or several run folders (a method's runs).
  std::vector<std::filesystem::path> generated;
  std::filesystem::path reference;  // real images for FID/KID; may be empty
  std::filesystem::path inception;  // pt_inception-2015-12-05-6726825d.pth or safetensors; may be empty
  std::filesystem::path clip;       // CLIP model folder (transformers CLIPModel); may be empty
  // Prompts for CLIP score where the images do not carry their own (panorama runs record theirs in
  // run.json): one for every image, or one per image in file-name order (per view for runs).
  std::vector<std::string> prompts;
  std::filesystem::path cacheFolder;  // empty: FeatureCache::defaultFolder()
  bool useCache = true;
  bool consistency = false;
  bool fidCurve = false;  // FID against the reference at growing numbers of generated images
  std::string device = "cpu";
  int batch = 32;
  // How the caller's user supplies what is missing, for the skip reasons: "pass --inception" on
  // the command line, "set FID Inception weights in Settings → Models" in the studio.
  std::string inceptionHint = "give the Inception weights";
  std::string clipHint = "give a CLIP model folder";       // e.g. "pass --clip DIR"
  std::string promptsHint = "give the prompts";             // e.g. "pass --prompts FILE"
  std::string consistencyHint;  // e.g. "add --consistency"
};

struct MetricsJobEvents {
  // Stage in words ("Inception (generated images)", "consistency"), work done of total.
  std::function<void(const std::string& stage, int64_t done, int64_t total)> onProgress;
  std::function<void(const std::string& warning)> onWarning;
  std::function<void(const std::string& note)> onNote;  // e.g. where reference features came from
  std::function<bool()> cancelRequested;
};

struct MetricsReport {
  nlohmann::json json;
  std::vector<std::pair<std::string, std::string>> table;  // metric, value: for printing
};

// Throws panocast::Error for unusable inputs (before any slow work) and panocast::Cancelled.
MetricsReport runMetricsJob(const MetricsJobSpec& spec, const MetricsJobEvents& events = {});

// The Inception weights file name and where pytorch-fid publishes it, for messages.
extern const char* const kInceptionWeightsFile;
extern const char* const kInceptionWeightsUrl;

}  // namespace panocast
