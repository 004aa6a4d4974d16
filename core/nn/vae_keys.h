#pragma once
// The three ways VAE checkpoints name their tensors, brought to the current diffusers names that
// AutoencoderKL's module tree mirrors (sd2.md §4.3, §4.4):
//   current diffusers   mid_block.attentions.0.{group_norm,to_q,to_k,to_v,to_out.0}
//   old diffusers       …attentions.0.{query,key,value,proj_attn}  (≤ 0.16, MVDiffusion)
//   original LDM        encoder.down.i.block.j, mid.attn_1.{norm,q,k,v,proj_out}, decoder.up.k …
// All functions are pure: they return a new map and never touch the tensors' data. Names they do
// not recognise pass through unchanged, so the load report lists them as unexpected.
#include <ATen/core/Tensor.h>

#include <map>
#include <string>

namespace panocast {

// The entries whose names start with `prefix`, with the prefix removed (for example the VAE of a
// single-file checkpoint under "first_stage_model.").
std::map<std::string, at::Tensor> withoutPrefix(const std::map<std::string, at::Tensor>& tensors, const std::string& prefix);

// Old diffusers attention names → current ones; the weights are already [C, C] Linear matrices.
std::map<std::string, at::Tensor> renameLegacyVaeAttention(const std::map<std::string, at::Tensor>& tensors);

// True when the names follow the original LDM layout (encoder.down.*, decoder.up.*, *.mid.*).
bool isLdmVaeLayout(const std::map<std::string, at::Tensor>& tensors);

// The original single-file layout (keys without "first_stage_model.") → diffusers names. The
// decoder's up blocks are numbered in reverse; the 1×1-conv attention projections become [C, C].
std::map<std::string, at::Tensor> vaeFromLdm(const std::map<std::string, at::Tensor>& firstStageTensors);

// Whichever of the three layouts `tensors` uses → current diffusers names.
std::map<std::string, at::Tensor> normalizeVaeKeys(const std::map<std::string, at::Tensor>& tensors);

}  // namespace panocast
