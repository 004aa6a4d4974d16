#pragma once
// PyTorch checkpoints as users download them (.pt, .pth, .ckpt, .bin), read without running any
// code from them: the zip format of torch.save since PyTorch 1.6 (Lightning's .ckpt included) and
// the older "legacy" format (pickles back to back, then the raw storages). The pickle goes through
// the safe unpickler, which builds only tensors and plain containers; storages are read only for
// the tensors asked for, with every size and offset checked against the file.
#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "io/pickle_document.h"

namespace panocast {

class TorchCheckpoint {
 public:
  explicit TorchCheckpoint(const std::filesystem::path& path);
  // From bytes in memory (tests, fuzzing); `data` must outlive the checkpoint.
  TorchCheckpoint(const uint8_t* data, size_t size, const std::string& label);
  ~TorchCheckpoint();
  TorchCheckpoint(const TorchCheckpoint&) = delete;
  TorchCheckpoint& operator=(const TorchCheckpoint&) = delete;

  const PickleDocument& document() const { return document_; }
  const std::string& format() const { return format_; }  // "zip" or "legacy"
  std::vector<std::string> topLevelKeys() const { return document_.keysOf(document_.root); }

  // Every tensor under the dictionary at `entry` of the top-level dictionary (the root itself when
  // empty), nested dictionaries flattened with '.'; CPU tensors with the stored dtype.
  std::map<std::string, at::Tensor> tensors(const std::string& entry = "") const;

  // The model weights: Lightning's and many trainers' "state_dict" entry when there is one, else
  // the root dictionary (a plain torch.save(model.state_dict())).
  std::map<std::string, at::Tensor> stateDict() const;

 private:
  class Storages;
  void open(const uint8_t* data, size_t size);
  at::Tensor materialize(const std::string& name, const PickleTensorRecord& record) const;

  std::string label_;
  std::string format_;
  PickleDocument document_;
  std::unique_ptr<Storages> storages_;
};

// True when the file starts like a PyTorch checkpoint (a zip archive or a legacy pickle stream).
bool looksLikeTorchCheckpoint(const std::filesystem::path& path);

}  // namespace panocast
