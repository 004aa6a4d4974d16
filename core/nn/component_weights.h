#pragma once
// Finding and reading one component's weights in a diffusers folder (sd2.md §1): the fp32 file
// under the standard name, else the `.fp16` variant beside it. The dtype always comes from the
// safetensors header (the tiny fixture stores F16 under the standard name).
#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <string>

namespace panocast {

// folder/<base>.safetensors or folder/<base>.fp16.safetensors, else the pickled <base>.bin of
// older folders; a clear error otherwise.
std::filesystem::path findComponentWeights(const std::filesystem::path& folder, const std::string& base);

// Every tensor of a safetensors file or a PyTorch checkpoint (its state_dict, read safely), on the
// CPU with its stored dtype.
std::map<std::string, at::Tensor> readTensors(const std::filesystem::path& file);

}  // namespace panocast
