#include "metrics/feature_cache.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

#include "io/atomic_file.h"
#include "io/image.h"
#include "io/json_file.h"
#include "io/safetensors.h"
#include "metrics/inception_input.h"
#include "metrics/sha256.h"
#include "panocast_config.h"
#include "runtime/error.h"

#if PANOCAST_HAVE_OPENCV
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#endif

namespace panocast {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// Bumped whenever the features for the same images and weights could change (pipeline, decoding).
constexpr const char* kPipeline =
    "panocast-inception-features/1 (stb-first decoding to uint8 RGB; torch-fidelity 0.4 input: TF1 bilinear to "
    "299x299, (x-128)/128; FID Inception pool3 and bias-free fc logits; float32)";
constexpr const char* kCacheFormat = "panocast-feature-cache/1";
constexpr const char* kIndexFormat = "panocast-hash-index/1";
constexpr int64_t kRacyNs = 2'000'000'000;  // entries younger than this are not remembered

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

int64_t mtimeNs(const fs::file_time_type& time) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

// The SHA-256 of a contiguous float32 CPU tensor's bytes (the file's little-endian layout on the
// little-endian machines LibTorch supports).
std::string tensorSha256(const at::Tensor& tensor) {
  const auto data = tensor.contiguous();
  Sha256 hash;
  hash.update(data.data_ptr(), static_cast<size_t>(data.numel()) * data.element_size());
  return hash.hexDigest();
}

bool keepGoing(const FeatureProgressCallback& progress, FeatureStage stage, int64_t done, int64_t total) {
  return !progress || progress(FeatureProgress{stage, done, total});
}

// Restores cuDNN/cuBLAS TF32 settings on scope exit (CUDA only: CPU never uses TF32).
class Tf32Off {
 public:
  explicit Tf32Off(bool active) : active_(active) {
    if (!active_) return;
    cudnn_ = at::globalContext().allowTF32CuDNN();
    cublas_ = at::globalContext().allowTF32CuBLAS();
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setAllowTF32CuBLAS(false);
  }
  ~Tf32Off() {
    if (!active_) return;
    at::globalContext().setAllowTF32CuDNN(cudnn_);
    at::globalContext().setAllowTF32CuBLAS(cublas_);
  }

 private:
  bool active_, cudnn_ = false, cublas_ = false;
};

}  // namespace

// ── Image files ────────────────────────────────────────────────────────────────────────────────

bool isImageFileName(const fs::path& path) {
  static const std::set<std::string> extensions{".png", ".jpg",  ".jpeg", ".bmp", ".tga", ".gif",
                                                ".psd", ".ppm",  ".pgm",  ".pnm", ".hdr", ".exr",
                                                ".tif", ".tiff", ".webp", ".jp2"};
  const auto name = path.filename().string();
  if (name.empty() || name[0] == '.') return false;
  return extensions.count(lower(path.extension().string())) != 0;
}

std::vector<fs::path> listImageFiles(const fs::path& folder) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) throw Error(folder.string() + ": folder not found");
  if (!fs::is_directory(folder, ec)) throw Error(folder.string() + ": not a folder");
  std::vector<fs::path> files;
  fs::directory_iterator it(folder, ec);
  if (ec) throw Error(folder.string() + ": cannot list the folder: " + ec.message());
  for (const auto& entry : it) {
    std::error_code entryError;
    if (entry.is_regular_file(entryError) && isImageFileName(entry.path())) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename().string() < b.filename().string(); });
  return files;
}

at::Tensor readImageForFeatures(const fs::path& path) {
  std::string reason;
  try {
    const ImageU8 image = readImageU8(path, 3);
    if (image.width <= 0 || image.height <= 0) throw Error(path.string() + ": empty image");
    auto hwc = torch::from_blob(const_cast<uint8_t*>(image.pixels.data()), {image.height, image.width, 3}, torch::kUInt8);
    return hwc.permute({2, 0, 1}).contiguous();
  } catch (const Error& e) {
    reason = e.what();
  }
#if PANOCAST_HAVE_OPENCV
  // stb reads every PNG, BMP, TGA, GIF, PSD and PNM; libjpeg also reads JPEGs stb cannot
  // (arithmetic coding, 12-bit), and TIFF, WebP and JPEG 2000 are OpenCV's alone.
  static const std::set<std::string> openCvFormats{".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".jp2"};
  if (openCvFormats.count(lower(path.extension().string()))) {
    cv::Mat bgr;
    try {
      bgr = cv::imread(path.string(), cv::IMREAD_COLOR | cv::IMREAD_IGNORE_ORIENTATION);
    } catch (const cv::Exception&) {
      bgr.release();
    }
    if (!bgr.empty() && bgr.depth() == CV_8U && bgr.channels() == 3) {
      cv::Mat rgb;
      cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
      auto hwc = torch::from_blob(rgb.data, {rgb.rows, rgb.cols, 3}, {static_cast<int64_t>(rgb.step), 3, 1}, torch::kUInt8);
      return hwc.permute({2, 0, 1}).contiguous();
    }
  }
#endif
  // readImageU8's message starts with the path; keep just the reason.
  const auto prefix = path.string() + ": ";
  if (reason.rfind(prefix, 0) == 0) reason = reason.substr(prefix.size());
  throw Error(path.string() + ": " + reason);
}

// ── Content hashes ─────────────────────────────────────────────────────────────────────────────

FileHashIndex::FileHashIndex(fs::path folder) : folder_(std::move(folder)) {}

fs::path FileHashIndex::indexFile(const fs::path& folder) const {
  return folder_ / "hash-index" / (sha256Hex(folder.string()).substr(0, 24) + ".json");
}

FileHashIndex::FolderIndex& FileHashIndex::folderIndex(const fs::path& folder) {
  auto it = folders_.find(folder);
  if (it != folders_.end()) return it->second;
  FolderIndex index;
  const auto file = folder_.empty() ? fs::path() : indexFile(folder);
  std::error_code ec;
  if (!file.empty() && fs::is_regular_file(file, ec)) {
    // A damaged or foreign index is ignored: it only saves time, never decides correctness alone
    // (the size and modification time must match too).
    try {
      const auto json = readJsonFile(file);
      if (json.value("format", "") == kIndexFormat && json.value("folder", "") == folder.string())
        for (const auto& [name, entry] : json.at("files").items()) {
          Entry e{entry.at("size").get<uint64_t>(), entry.at("mtime_ns").get<int64_t>(),
                  entry.at("sha256").get<std::string>()};
          if (e.sha256.size() == 64) index.files[name] = e;
        }
    } catch (const std::exception&) {
      index.files.clear();
    }
  }
  return folders_.emplace(folder, std::move(index)).first->second;
}

std::string FileHashIndex::sha256(const fs::path& file, const std::function<bool()>& keepGoing) {
  std::error_code ec;
  const auto absolute = fs::absolute(file, ec).lexically_normal();
  const auto size = fs::file_size(absolute, ec);
  if (ec) throw Error(file.string() + ": cannot read the file size: " + ec.message());
  const auto modified = fs::last_write_time(absolute, ec);
  if (ec) throw Error(file.string() + ": cannot read the modification time: " + ec.message());
  const int64_t mtime = mtimeNs(modified);
  auto& index = folderIndex(absolute.parent_path());
  const auto name = absolute.filename().string();
  const auto known = index.files.find(name);
  if (known != index.files.end() && known->second.size == size && known->second.mtimeNs == mtime)
    return known->second.sha256;
  auto hash = sha256File(absolute, keepGoing);
  ++filesHashed_;
  // Only entries old enough that a later write would change the timestamp are remembered.
  const int64_t age = mtimeNs(fs::file_time_type::clock::now()) - mtime;
  if (age > kRacyNs) {
    index.files[name] = Entry{size, mtime, hash};
    index.dirty = true;
  } else if (known != index.files.end()) {
    index.files.erase(known);
    index.dirty = true;
  }
  return hash;
}

bool FileHashIndex::save() {
  if (folder_.empty()) return true;
  bool ok = true;
  for (auto& [folder, index] : folders_) {
    if (!index.dirty) continue;
    Json files = Json::object();
    for (const auto& [name, entry] : index.files) {
      std::error_code ec;
      if (!fs::exists(folder / name, ec)) continue;
      files[name] = {{"size", entry.size}, {"mtime_ns", entry.mtimeNs}, {"sha256", entry.sha256}};
    }
    const Json json = {{"format", kIndexFormat}, {"folder", folder.string()}, {"files", files}};
    try {
      const auto file = indexFile(folder);
      fs::create_directories(file.parent_path());
      writeFileAtomically(file, json.dump(1) + "\n");
      index.dirty = false;
    } catch (const std::exception&) {
      ok = false;
    }
  }
  return ok;
}

// ── The extractor ──────────────────────────────────────────────────────────────────────────────

InceptionFeatureExtractor::InceptionFeatureExtractor(fs::path weights, c10::Device device, int64_t batchSize)
    : weights_(std::move(weights)), device_(device), batchSize_(std::max<int64_t>(1, batchSize)) {
  std::error_code ec;
  if (!fs::is_regular_file(weights_, ec))
    throw Error(weights_.string() + ": Inception weights not found (pass pt_inception-2015-12-05-6726825d.pth, "
                "from https://github.com/mseitzer/pytorch-fid/releases/download/fid_weights/"
                "pt_inception-2015-12-05-6726825d.pth, or a safetensors conversion)");
}

InceptionFeatureExtractor::InceptionFeatureExtractor(FidInception model, std::string weightsId, c10::Device device,
                                                     int64_t batchSize)
    : weightsId_(std::move(weightsId)), model_(std::move(model)), device_(device),
      batchSize_(std::max<int64_t>(1, batchSize)) {
  if (!model_) throw Error("Inception feature extractor: no network given");
  model_->to(device_, torch::kFloat32);
  model_->eval();
}

std::string InceptionFeatureExtractor::id(FileHashIndex* hashes) {
  if (weightsId_.empty()) {
    const auto hash = hashes ? hashes->sha256(weights_) : sha256File(weights_);
    weightsId_ = "sha256:" + hash;
  }
  return std::string(kPipeline) + "\nweights " + weightsId_ + "\ndevice " + c10::DeviceTypeName(device_.type(), true) +
         "\ndtype float32";
}

void InceptionFeatureExtractor::ensureLoaded() {
  if (model_) return;
  model_ = loadFidInception(weights_);
  model_->to(device_, torch::kFloat32);
  model_->eval();
}

FidInceptionOutput InceptionFeatureExtractor::extract(const std::vector<at::Tensor>& images) {
  if (images.empty()) throw Error("Inception feature extractor: no images given");
  ensureLoaded();
  c10::InferenceMode inference;
  Tf32Off tf32(device_.is_cuda());
  std::vector<at::Tensor> inputs;
  inputs.reserve(images.size());
  for (const auto& image : images) {
    if (!image.defined() || image.dim() != 3 || image.size(0) != 3 || image.scalar_type() != torch::kUInt8)
      throw Error("Inception feature extractor: expected [3, H, W] uint8 RGB images");
    inputs.push_back(torchFidelityInceptionInput(image.to(device_).unsqueeze(0)));
  }
  auto out = model_->forward(torch::cat(inputs));
  imagesExtracted_ += static_cast<int64_t>(images.size());
  return {out.pool3.to(torch::kCPU), out.logits.to(torch::kCPU), out.logitsUnbiased.to(torch::kCPU)};
}

// ── Features of an image set ───────────────────────────────────────────────────────────────────

ImageSetFeatures computeImageFeatures(const std::vector<fs::path>& files, InceptionFeatureExtractor& extractor,
                                      const FeatureProgressCallback& progress) {
  ImageSetFeatures result;
  std::vector<at::Tensor> pool3, logits, batch;
  std::vector<fs::path> batchFiles;
  const auto total = static_cast<int64_t>(files.size());
  int64_t done = 0;
  auto flush = [&] {
    if (batch.empty()) return;
    auto out = extractor.extract(batch);
    pool3.push_back(out.pool3);
    logits.push_back(out.logitsUnbiased);
    result.images.insert(result.images.end(), batchFiles.begin(), batchFiles.end());
    done += static_cast<int64_t>(batch.size());
    batch.clear();
    batchFiles.clear();
    if (!keepGoing(progress, FeatureStage::Extracting, done, total)) throw Cancelled();
  };
  if (!keepGoing(progress, FeatureStage::Extracting, 0, total)) throw Cancelled();
  for (const auto& file : files) {
    try {
      batch.push_back(readImageForFeatures(file));
      batchFiles.push_back(file);
    } catch (const Error& e) {
      std::string reason = e.what();
      const auto prefix = file.string() + ": ";
      if (reason.rfind(prefix, 0) == 0) reason = reason.substr(prefix.size());
      result.skipped.push_back({file, reason});
      ++done;
    } catch (const std::bad_alloc&) {
      result.skipped.push_back({file, "too large to decode in memory"});
      ++done;
    }
    // Progress counts images through the network (and skipped ones); asking after every decode
    // keeps cancellation prompt.
    if (static_cast<int64_t>(batch.size()) >= extractor.batchSize()) flush();
    else if (!keepGoing(progress, FeatureStage::Extracting, done, total)) throw Cancelled();
  }
  flush();
  if (result.images.empty())
    throw Error(files.empty() ? std::string("no images given")
                              : "none of the " + std::to_string(files.size()) + " images could be read: " +
                                    describeSkippedImages(result.skipped));
  result.pool3 = torch::cat(pool3).to(torch::kFloat64);
  result.logitsUnbiased = torch::cat(logits).to(torch::kFloat64);
  return result;
}

std::string describeSkippedImages(const std::vector<SkippedImage>& skipped) {
  if (skipped.empty()) return {};
  std::ostringstream text;
  text << "skipped " << skipped.size() << (skipped.size() == 1 ? " unreadable image: " : " unreadable images: ");
  for (size_t i = 0; i < skipped.size(); ++i) {
    if (i) text << "; ";
    text << skipped[i].file.string() << " (" << skipped[i].reason << ")";
  }
  return text.str();
}

fs::path FeatureCache::defaultFolder() {
  if (const char* env = std::getenv("PANOCAST_FEATURE_CACHE"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "panocast" / "features";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "panocast" / "features";
  return fs::temp_directory_path() / "panocast-features";
}

FeatureCache::FeatureCache(fs::path folder) : folder_(std::move(folder)), hashes_(folder_) {
  if (folder_.empty()) throw Error("feature cache: no cache folder given");
}

namespace {

struct CandidateFile {
  fs::path path;
  std::string name;
  uint64_t size = 0;
  std::string sha256;
};

// Reads a cache entry, checking everything a damaged, truncated or foreign file could get wrong.
// Returns an empty optional and says why when the entry is unusable.
std::optional<ImageSetFeatures> loadCacheEntry(const fs::path& file, const std::string& key,
                                               const std::vector<CandidateFile>& candidates, std::string& problem) {
  try {
    SafetensorsFile cache(file);
    const auto& metadata = cache.header().metadata;
    auto meta = [&](const std::string& name) {
      const auto it = metadata.find(name);
      if (it == metadata.end()) throw Error("metadata '" + name + "' missing");
      return it->second;
    };
    if (meta("format") != kCacheFormat) throw Error("unknown format '" + meta("format") + "'");
    if (meta("key") != key) throw Error("it was made for other images or weights");
    const auto images = parsePythonJson(meta("images"), "cache image list");
    const auto skipped = parsePythonJson(meta("skipped"), "cache skipped list");
    std::map<std::string, const CandidateFile*> byName;
    for (const auto& c : candidates) byName[c.name] = &c;
    ImageSetFeatures result;
    std::set<std::string> seen;
    for (const auto& name : images) {
      const auto it = byName.find(name.get<std::string>());
      if (it == byName.end() || !seen.insert(it->first).second) throw Error("its image list does not match the folder");
      result.images.push_back(it->second->path);
    }
    for (const auto& entry : skipped) {
      const auto it = byName.find(entry.at("file").get<std::string>());
      if (it == byName.end() || !seen.insert(it->first).second) throw Error("its skipped list does not match the folder");
      result.skipped.push_back({it->second->path, entry.at("reason").get<std::string>()});
    }
    if (seen.size() != candidates.size() || result.images.empty()) throw Error("it does not cover every image");
    const auto n = static_cast<int64_t>(result.images.size());
    for (const auto& [name, width] : {std::pair<std::string, int64_t>{"pool3", FidInceptionImpl::kFeatures},
                                      std::pair<std::string, int64_t>{"logits_unbiased", FidInceptionImpl::kClasses}}) {
      if (!cache.contains(name)) throw Error("tensor '" + name + "' missing");
      const auto& info = cache.info(name);
      if (info.dtype != "F32" || info.shape != std::vector<int64_t>{n, width})
        throw Error("tensor '" + name + "' has the wrong type or shape");
      const auto tensor = cache.tensor(name);
      if (tensorSha256(tensor) != meta(name + "_sha256")) throw Error("tensor '" + name + "' fails its checksum");
      if (!torch::isfinite(tensor).all().item<bool>()) throw Error("tensor '" + name + "' holds NaN or infinity");
      (name == "pool3" ? result.pool3 : result.logitsUnbiased) = tensor.to(torch::kFloat64);
    }
    result.fromCache = true;
    result.cacheFile = file;
    return result;
  } catch (const std::exception& e) {
    problem = e.what();
    return std::nullopt;
  }
}

}  // namespace

ImageSetFeatures FeatureCache::folderFeatures(const fs::path& imageFolder, InceptionFeatureExtractor& extractor,
                                              const FeatureProgressCallback& progress) {
  const auto files = listImageFiles(imageFolder);
  if (files.empty())
    throw Error(imageFolder.string() +
                ": holds no images (PNG, JPEG, BMP, TGA, GIF, PSD, PNM, HDR, EXR, TIFF, WebP or JPEG 2000 files)");

  // The key: every candidate file's name, size and content, and what computes the features.
  const auto total = static_cast<int64_t>(files.size()) + 1;
  int64_t hashed = 0;
  auto cancelCheck = [&] { return keepGoing(progress, FeatureStage::Hashing, hashed, total); };
  if (!cancelCheck()) throw Cancelled();
  std::ostringstream keyText;
  keyText << kCacheFormat << "\n" << extractor.id(&hashes_) << "\n";
  ++hashed;
  std::vector<CandidateFile> candidates;
  for (const auto& file : files) {
    CandidateFile c{file, file.filename().string(), 0, {}};
    std::error_code ec;
    c.size = fs::file_size(file, ec);
    c.sha256 = hashes_.sha256(file, cancelCheck);
    ++hashed;
    if (!cancelCheck()) throw Cancelled();
    keyText << "file " << c.name << "\t" << c.size << "\t" << c.sha256 << "\n";
    candidates.push_back(std::move(c));
  }
  hashes_.save();
  const auto key = sha256Hex(keyText.str());
  const auto cacheFile = folder_ / (key.substr(0, 40) + ".safetensors");

  std::string note;
  std::error_code ec;
  if (fs::exists(cacheFile, ec)) {
    std::string problem;
    if (auto cached = loadCacheEntry(cacheFile, key, candidates, problem)) return std::move(*cached);
    note = "ignored the damaged cache file " + cacheFile.string() + " (" + problem + ") and recomputed the features";
  }

  auto result = computeImageFeatures(files, extractor, progress);
  result.cacheNote = note;
  Json images = Json::array(), skipped = Json::array();
  for (const auto& image : result.images) images.push_back(image.filename().string());
  for (const auto& s : result.skipped) skipped.push_back({{"file", s.file.filename().string()}, {"reason", s.reason}});
  const auto pool3 = result.pool3.to(torch::kFloat32).contiguous();
  const auto logits = result.logitsUnbiased.to(torch::kFloat32).contiguous();
  const std::map<std::string, std::string> metadata{{"format", kCacheFormat},
                                                    {"key", key},
                                                    {"folder", fs::absolute(imageFolder, ec).string()},
                                                    {"extractor", extractor.id(&hashes_)},
                                                    {"images", images.dump()},
                                                    {"skipped", skipped.dump()},
                                                    {"pool3_sha256", tensorSha256(pool3)},
                                                    {"logits_unbiased_sha256", tensorSha256(logits)}};
  try {
    fs::create_directories(folder_);
    writeSafetensors(cacheFile, {{"pool3", pool3}, {"logits_unbiased", logits}}, metadata);
    result.cacheFile = cacheFile;
  } catch (const std::exception& e) {
    result.cacheNote += std::string(result.cacheNote.empty() ? "" : "; ") + "could not write the feature cache in " +
                        folder_.string() + " (" + e.what() + ")";
  }
  return result;
}

}  // namespace panocast
