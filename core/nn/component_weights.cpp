#include "nn/component_weights.h"

#include "io/safetensors.h"
#include "panocast_config.h"
#if PANOCAST_HAVE_LIBZIP
#include "io/torch_checkpoint.h"
#endif
#include "runtime/error.h"

namespace panocast {

std::filesystem::path findComponentWeights(const std::filesystem::path& folder, const std::string& base) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(folder)) throw Error(folder.string() + ": component folder not found");
  for (const char* suffix : {".safetensors", ".fp16.safetensors"}) {
    const auto candidate = folder / (base + suffix);
    if (fs::is_regular_file(candidate)) return candidate;
  }
  // Older diffusers/transformers folders hold pickled .bin weights; the safe reader takes them.
  for (const char* suffix : {".bin", ".fp16.bin"}) {
    const auto candidate = folder / (base + suffix);
    if (fs::is_regular_file(candidate)) {
#if PANOCAST_HAVE_LIBZIP
      return candidate;
#else
      throw Error(candidate.string() + ": this build reads no pickled weights (built without libzip); convert to "
                  "safetensors with `panocast convert` elsewhere");
#endif
    }
  }
  throw Error(folder.string() + ": no " + base + ".safetensors or " + base + ".fp16.safetensors");
}

std::map<std::string, at::Tensor> readTensors(const std::filesystem::path& file) {
#if PANOCAST_HAVE_LIBZIP
  if (looksLikeTorchCheckpoint(file)) return TorchCheckpoint(file).stateDict();
#endif
  SafetensorsFile reader(file);
  std::map<std::string, at::Tensor> tensors;
  for (const auto& name : reader.names()) tensors[name] = reader.tensor(name);
  return tensors;
}

}  // namespace panocast
