#pragma once
// The FID Inception-v3 ("pt_inception-2015-12-05", metrics.md §1): pytorch-fid's port of the
// TensorFlow graph that every published FID/IS/KID number is computed with — 1008 classes,
// padding-excluded average pools, a max-pool in Mixed_7c, BatchNorm eps 0.001, no AuxLogits.
// Parameter and buffer names mirror the checkpoint keys (metrics.md §1.4), so loading is a
// name-to-name copy. The input is already normalised to 299×299 (metrics/inception_input.h).
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace panocast {

struct FidInceptionOutput {
  at::Tensor pool3;           // [N, 2048]: the FID/KID feature (global average of Mixed_7c)
  at::Tensor logits;          // [N, 1008]: fc(pool3), with the bias
  at::Tensor logitsUnbiased;  // [N, 1008]: pool3 · fc.weightᵀ, what torch-fidelity's Inception Score uses
};

// One step of the network (a BasicConv2d, a mixed block or a max-pool); defined in the .cpp.
struct FidInceptionStage;

class FidInceptionImpl : public torch::nn::Module {
 public:
  static constexpr int64_t kInputSize = 299;
  static constexpr int64_t kFeatures = 2048;
  static constexpr int64_t kClasses = 1008;

  // The full-size network with placeholder weights; load real ones with loadFidInception().
  FidInceptionImpl();

  // x: [N, 3, H, W] normalised to [−1, 1] (299×299 for FID; at least 75×75), converted to the
  // model's dtype and device. When `blocks` is given it receives the output of every step, named
  // like the modules (Conv2d_1a_3x3 … Mixed_7c, plus MaxPool_1, MaxPool_2), for parity checks.
  FidInceptionOutput forward(const at::Tensor& x, std::map<std::string, at::Tensor>* blocks = nullptr);

  torch::nn::Linear& fc() { return fc_; }

 private:
  std::vector<std::pair<std::string, std::shared_ptr<FidInceptionStage>>> stages_;
  torch::nn::Linear fc_{nullptr};
};
TORCH_MODULE(FidInception);

// Builds the network from tensors already in memory. The report is strict (a file with extra or
// missing tensors is not this network), except that BatchNorm's `num_batches_tracked` counters
// may be absent: state dicts saved before PyTorch 0.4.1 lack them, and inference never reads them. Throws
// panocast::Error naming `source` and every offending tensor. The model is fp32 on the CPU, in eval
// mode, with its parameters frozen (requires_grad false).
FidInception fidInceptionFromTensors(const std::map<std::string, at::Tensor>& tensors, const std::string& source);

// Loads pt_inception-2015-12-05-6726825d.pth (pytorch-fid), torch-fidelity's
// weights-inception-2015-12-05-6726825d.pth, or a safetensors conversion of either.
FidInception loadFidInception(const std::filesystem::path& path);

}  // namespace panocast
