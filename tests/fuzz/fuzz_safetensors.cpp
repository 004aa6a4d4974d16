// libFuzzer harness for the safetensors header parser: any input must either parse into a
// header whose every tensor lies inside the input, or be rejected with panocast::Error.
#include <cstdint>
#include <cstdlib>

#include "io/safetensors_header.h"
#include "runtime/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto header = panocast::parseSafetensorsHeader(data, size, "fuzz");
    for (const auto& [name, info] : header.tensors)
      if (header.dataOffset + info.end > size || info.begin > info.end) std::abort();
  } catch (const panocast::Error&) {
  }
  return 0;
}
