#include "nn/component_weights.h"

#include "io/safetensors.h"
#include "runtime/error.h"

namespace panocast {

std::filesystem::path findComponentWeights(const std::filesystem::path& folder, const std::string& base) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(folder)) throw Error(folder.string() + ": component folder not found");
  for (const char* suffix : {".safetensors", ".fp16.safetensors"}) {
    const auto candidate = folder / (base + suffix);
    if (fs::is_regular_file(candidate)) return candidate;
  }
  if (fs::exists(folder / (base + ".bin")) || fs::exists(folder / (base + ".fp16.bin")))
    throw Error(folder.string() + ": only a pickled " + base + ".bin is present; download the .safetensors "
                "weights (or convert with `panocast convert`)");
  throw Error(folder.string() + ": no " + base + ".safetensors or " + base + ".fp16.safetensors");
}

std::map<std::string, at::Tensor> readTensors(const std::filesystem::path& file) {
  SafetensorsFile reader(file);
  std::map<std::string, at::Tensor> tensors;
  for (const auto& name : reader.names()) tensors[name] = reader.tensor(name);
  return tensors;
}

}  // namespace panocast
