#pragma once
// Prompts → the UNet's cross-attention context: CLIP tokens (77, truncated, padded per the
// tokenizer's pad id) through the text encoder, on the model's device and in its dtype.
#include <ATen/core/Tensor.h>

#include <string>
#include <vector>

namespace panocast {

struct StableDiffusionModel;

// [prompts.size(), 77, hidden]. An empty prompt is a real 77-token sequence, not zeros.
at::Tensor encodePrompts(const StableDiffusionModel& model, const std::vector<std::string>& prompts);

// The warning for a prompt longer than CLIP's 75 tokens (the rest is cut, as in diffusers),
// naming how long it is; empty when the prompt fits.
std::string promptTruncationWarning(const StableDiffusionModel& model, const std::string& prompt);

}  // namespace panocast
