// libFuzzer harness for the Python-JSON reader (configs written by diffusers/transformers, with
// Infinity/NaN): any input either parses or is rejected with panocast::Error; never a crash.
#include <cstdint>
#include <string>

#include "io/json_file.h"
#include "runtime/error.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const auto json = panocast::parsePythonJson(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    (void)json.dump();
  } catch (const panocast::Error&) {
  }
  return 0;
}
