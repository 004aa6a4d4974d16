#include "multiview/caa_modules.h"

#include <torch/torch.h>

#include "nn/component_weights.h"
#include "nn/state_dict.h"
#include "runtime/error.h"

namespace panocast {

CaaModulesImpl::CaaModulesImpl(const UNetConfig& unet) {
  const auto& widths = unet.blockOutChannels;
  const int blocks = unet.blockCount();
  auto encoder = register_module("cp_blocks_encoder", torch::nn::ModuleList());
  auto decoder = register_module("cp_blocks_decoder", torch::nn::ModuleList());
  for (int i = 0; i < blocks; ++i) {
    encoder_.emplace_back(widths[i]);
    decoder_.emplace_back(widths[blocks - 1 - i]);
    encoder->push_back(encoder_.back());
    decoder->push_back(decoder_.back());
  }
  mid_ = register_module("cp_blocks_mid", CaaBlock(widths.back()));
}

CaaBlock CaaModulesImpl::block(UNetSite site, int index) const {
  const auto& list = site == UNetSite::Down ? encoder_ : decoder_;
  if (site == UNetSite::Mid) return mid_;
  if (index < 0 || index >= static_cast<int>(list.size())) throw Error("CAA: no block " + std::to_string(index));
  return list[index];
}

CaaModules caaModulesFromTensors(const UNetConfig& unet, const std::map<std::string, at::Tensor>& tensors,
                                 const std::string& source) {
  std::map<std::string, at::Tensor> caa;
  for (const auto& [name, tensor] : tensors) {
    std::string key = name.rfind("mv_base_model.", 0) == 0 ? name.substr(14) : name;
    if (key.rfind("cp_blocks_", 0) == 0) caa[key] = tensor;
  }
  if (caa.empty()) throw Error(source + ": no CAA weights (cp_blocks_*) found");
  for (auto& [name, tensor] : caa)
    if (name.size() >= 10 && name.compare(name.size() - 10, 10, "freq_bands") == 0 &&
        !torch::isfinite(tensor.to(torch::kFloat32)).all().item<bool>())
      throw Error(source + ": " + name + " holds infinite values (frequency bands saved in fp16 cannot hold them); "
                  "convert the checkpoint again with this version of panocast convert");
  CaaModules modules(unet);
  requireLoaded(loadStateDict(*modules, caa), source);
  modules->eval();
  return modules;
}

CaaModules loadCaaModules(const UNetConfig& unet, const std::filesystem::path& file) {
  if (!std::filesystem::is_regular_file(file)) throw Error(file.string() + ": CAA weights not found");
  return caaModulesFromTensors(unet, readTensors(file), file.string());
}

at::Tensor CaaHooks::afterBlock(UNetSite site, int index, const at::Tensor& hidden) {
  const auto& level = geometry_.level(static_cast<int>(hidden.size(2)));
  auto block = modules_->block(site, index);
  return block->forward(hidden, level);
}

}  // namespace panocast
