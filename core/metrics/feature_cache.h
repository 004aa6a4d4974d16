#pragma once
// Inception features of image sets (the inputs of FID, KID and the Inception Score), and a cache
// that makes a reference set's features a one-time cost.
//
// Features are computed with torch-fidelity's pipeline (metrics.md §2: uint8 RGB → TF1 bilinear to
// 299×299 → (x − 128)/128) and the FID Inception (nn/fid_inception.h), in batches on the chosen
// device. A cached set is a safetensors file named after a SHA-256 key over
//   - every candidate image file's name, size and content hash (SHA-256 of its bytes), and
//   - the extractor's identity: the pipeline, the weights file's content hash, the device type;
// so renaming, editing, adding or removing an image, or other weights, never reuse stale features.
// Hashing a large folder costs time too, so content hashes are remembered per file in a small
// index keyed by (name, size, modification time); an unchanged file is not read again.
// Cache files are written atomically (temporary name, then rename) and checked on load (key,
// shapes, data checksums, finite values); a damaged one is recomputed, never trusted.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "nn/fid_inception.h"

namespace panocast {

// ── Image files ────────────────────────────────────────────────────────────────────────────────

// Whether the name has an image extension this reader tries (PNG, JPEG, BMP, TGA, GIF, PSD, PNM,
// HDR, EXR, TIFF, WebP, JPEG 2000; case-insensitive). Hidden files (".name") are not images.
bool isImageFileName(const std::filesystem::path& path);

// The image files directly inside `folder` (subfolders are not searched), sorted by file name
// (byte order). Throws panocast::Error when the folder does not exist or is not a folder.
std::vector<std::filesystem::path> listImageFiles(const std::filesystem::path& folder);

// An image as the Inception takes it: [3, H, W] uint8 RGB on the CPU. stb decodes first (as
// PIL does for torch-fidelity: alpha dropped, grey replicated, EXIF orientation ignored); HDR and
// EXR files are tone-mapped; formats stb cannot read (TIFF, WebP, …) go to OpenCV when this build
// has it. Throws panocast::Error with the decoders' reason.
at::Tensor readImageForFeatures(const std::filesystem::path& path);

// ── Content hashes ─────────────────────────────────────────────────────────────────────────────

// SHA-256 of files, remembered by (folder, name, size, modification time) in JSON files under
// `<folder>/hash-index/`, one per image folder. Files modified within the last two seconds are not
// remembered (a later change within the same timestamp tick could otherwise go unnoticed).
class FileHashIndex {
 public:
  // `folder` empty: remember in memory only.
  explicit FileHashIndex(std::filesystem::path folder = {});

  // The file's content hash (64 hex digits); reads and hashes the file unless the index knows it.
  // `keepGoing` as sha256File(): returning false throws panocast::Cancelled.
  std::string sha256(const std::filesystem::path& file, const std::function<bool()>& keepGoing = {});

  // Writes the indexes of folders that gained entries (atomically; entries of files that no longer
  // exist are dropped). Returns false, without throwing, when the index folder is not writable.
  bool save();

  int64_t filesHashed() const { return filesHashed_; }  // files actually read since construction

 private:
  struct Entry {
    uint64_t size = 0;
    int64_t mtimeNs = 0;
    std::string sha256;
  };
  struct FolderIndex {
    bool dirty = false;
    std::map<std::string, Entry> files;
  };
  FolderIndex& folderIndex(const std::filesystem::path& folder);
  std::filesystem::path indexFile(const std::filesystem::path& folder) const;

  std::filesystem::path folder_;
  std::map<std::filesystem::path, FolderIndex> folders_;
  int64_t filesHashed_ = 0;
};

// ── The extractor ──────────────────────────────────────────────────────────────────────────────

// The FID Inception with torch-fidelity's input pipeline, run in batches on one device.
class InceptionFeatureExtractor {
 public:
  // pt_inception-2015-12-05-6726825d.pth, torch-fidelity's weights file, or a safetensors
  // conversion. The file is only read when features are computed: a cache hit never loads it.
  explicit InceptionFeatureExtractor(std::filesystem::path weights, c10::Device device = c10::Device(c10::kCPU),
                                     int64_t batchSize = 32);
  // A network already in memory; `weightsId` stands for its weights in cache keys (tests).
  InceptionFeatureExtractor(FidInception model, std::string weightsId, c10::Device device = c10::Device(c10::kCPU),
                            int64_t batchSize = 32);

  // What the features depend on, part of every cache key: the pipeline version, the weights
  // (SHA-256 of the file, through `hashes` when given), the device type and dtype.
  std::string id(FileHashIndex* hashes = nullptr);

  // `images`: [3, H, W] uint8 RGB tensors of any sizes (resized one by one to 299×299).
  // Returns CPU float32 outputs; with CUDA, TF32 is switched off for the call (metrics.md §8.5).
  FidInceptionOutput extract(const std::vector<at::Tensor>& images);

  const std::filesystem::path& weights() const { return weights_; }
  c10::Device device() const { return device_; }
  int64_t batchSize() const { return batchSize_; }
  bool loaded() const { return static_cast<bool>(model_); }
  int64_t imagesExtracted() const { return imagesExtracted_; }  // images run through the network so far

 private:
  void ensureLoaded();

  std::filesystem::path weights_;
  std::string weightsId_;
  FidInception model_{nullptr};
  c10::Device device_;
  int64_t batchSize_;
  int64_t imagesExtracted_ = 0;
};

// ── Features of an image set ───────────────────────────────────────────────────────────────────

struct SkippedImage {
  std::filesystem::path file;
  std::string reason;
};

struct ImageSetFeatures {
  at::Tensor pool3;           // [N, 2048] float64 CPU: FID / KID features
  at::Tensor logitsUnbiased;  // [N, 1008] float64 CPU: pool3 · fc.weightᵀ, the Inception Score's input
  std::vector<std::filesystem::path> images;  // the N images, row by row, in file-name order
  std::vector<SkippedImage> skipped;          // files that could not be decoded
  bool fromCache = false;
  std::filesystem::path cacheFile;  // where the features are cached (empty when not cached)
  std::string cacheNote;            // e.g. why a cache file was not used; empty when nothing to say

  int64_t count() const { return pool3.defined() ? pool3.size(0) : 0; }
};

enum class FeatureStage { Hashing, Extracting };

struct FeatureProgress {
  FeatureStage stage = FeatureStage::Extracting;
  int64_t done = 0;   // files hashed, or files decoded and run through the network
  int64_t total = 0;
};

// Called as work advances; returning false stops it (panocast::Cancelled is thrown, and nothing
// is written to the cache).
using FeatureProgressCallback = std::function<bool(const FeatureProgress&)>;

// Features of `files`, without any cache. Undecodable files are skipped and reported; throws
// panocast::Error when none is left.
ImageSetFeatures computeImageFeatures(const std::vector<std::filesystem::path>& files,
                                      InceptionFeatureExtractor& extractor, const FeatureProgressCallback& progress = {});

// One line naming every skipped file and why, e.g. for a warning; empty when none was skipped.
std::string describeSkippedImages(const std::vector<SkippedImage>& skipped);

class FeatureCache {
 public:
  // $PANOCAST_FEATURE_CACHE, else $XDG_CACHE_HOME/panocast/features, else ~/.cache/panocast/features.
  static std::filesystem::path defaultFolder();

  explicit FeatureCache(std::filesystem::path folder = defaultFolder());

  const std::filesystem::path& folder() const { return folder_; }
  FileHashIndex& hashIndex() { return hashes_; }

  // The features of the images in `imageFolder` (listImageFiles), from the cache when a valid
  // entry exists, else computed and stored. Throws panocast::Error when the folder holds no
  // image or none can be decoded, panocast::Cancelled when `progress` says stop. A cache folder
  // that cannot be written is not an error: the features are returned with a cacheNote.
  ImageSetFeatures folderFeatures(const std::filesystem::path& imageFolder, InceptionFeatureExtractor& extractor,
                                  const FeatureProgressCallback& progress = {});

 private:
  std::filesystem::path folder_;
  FileHashIndex hashes_;
};

}  // namespace panocast
