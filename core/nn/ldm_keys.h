#pragma once
// The original single-file (LDM/OpenCLIP) names of the UNet and the SD2 text encoder, brought to
// the diffusers/transformers names our modules mirror (sd2.md §4.4; the VAE is in vae_keys.h).
// Pure functions on name → tensor maps; names they do not know pass through unchanged so the
// load report lists them.
#include <ATen/core/Tensor.h>

#include <map>
#include <string>

#include "nn/unet_config.h"

namespace panocast {

// Keys of "model.diffusion_model." without the prefix → UNet2DConditionModel names. The block
// numbering follows `config` (layers per block, which up blocks have attention).
std::map<std::string, at::Tensor> unetFromLdm(const std::map<std::string, at::Tensor>& tensors, const UNetConfig& config);

// Keys of "cond_stage_model.model." without the prefix → CLIPTextModel names (without
// "text_model."). Accepts the true OpenCLIP layout (transformer.resblocks.N, positional_embedding,
// ln_final) and the hybrid one of diffusers' converter fed transformers-5 keys
// (transformer.encoder.layers.N.attn.in_proj_weight, transformer.embeddings.*). The stacked
// in_proj rows are split into q, k and v; blocks ≥ `layers` and text_projection are dropped.
std::map<std::string, at::Tensor> clipTextFromOpenClip(const std::map<std::string, at::Tensor>& tensors, int layers);

}  // namespace panocast
