#pragma once
// The nine CAA blocks of MVDiffusion's panorama model and the UNet hooks that run them
// (caa.md §2): after each down block (before its downsampler), after the mid block's first
// resnet, after each up block (before its upsampler). Names follow the checkpoint
// (cp_blocks_encoder.{0..3}, cp_blocks_mid, cp_blocks_decoder.{0..3}).
#include <torch/nn/module.h>
#include <torch/nn/modules/container/modulelist.h>

#include <filesystem>
#include <map>
#include <string>

#include "multiview/caa_geometry.h"
#include "nn/caa_block.h"
#include "nn/unet.h"

namespace panocast {

class CaaModulesImpl : public torch::nn::Module {
 public:
  // Widths follow the UNet: encoder i = block i's width, mid = the deepest, decoder i mirrors.
  explicit CaaModulesImpl(const UNetConfig& unet);
  CaaBlock block(UNetSite site, int index) const;

 private:
  std::vector<CaaBlock> encoder_, decoder_;  // also registered, under the checkpoint's names
  CaaBlock mid_{nullptr};
};
TORCH_MODULE(CaaModules);

// Loads CAA weights from tensors named as in MVDiffusion's checkpoint, with or without the
// "mv_base_model." prefix; other entries (the UNet, VAE, text encoder) are ignored. Throws with
// the full report when a CAA tensor is missing or mis-shaped.
CaaModules caaModulesFromTensors(const UNetConfig& unet, const std::map<std::string, at::Tensor>& tensors,
                                 const std::string& source);
CaaModules loadCaaModules(const UNetConfig& unet, const std::filesystem::path& safetensorsFile);

// Runs the CAA blocks inside a UNet forward over a batch of [B·M] views (M = the rig's views;
// views attend only within their own group of M, so a CFG batch [uncond ×M; cond ×M] works).
class CaaHooks : public UNetHooks {
 public:
  CaaHooks(CaaModules modules, const CaaGeometry& geometry) : modules_(std::move(modules)), geometry_(geometry) {}
  at::Tensor afterBlock(UNetSite site, int index, const at::Tensor& hidden) override;

 private:
  CaaModules modules_;
  const CaaGeometry& geometry_;
};

}  // namespace panocast
