#pragma once
// Parsing and validation of a safetensors header, free of LibTorch so that it can be fuzzed on
// its own (tests/fuzz) and reused by tools.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace panocast {

struct SafetensorInfo {
  std::string dtype;             // "F32", "F16", "BF16", "I64", ...
  std::vector<int64_t> shape;
  uint64_t begin = 0, end = 0;   // byte offsets relative to the data section
};

struct SafetensorsHeader {
  std::map<std::string, SafetensorInfo> tensors;
  std::map<std::string, std::string> metadata;
  uint64_t dataOffset = 0;       // 8 + header length
};

// Parses and validates the header of a safetensors file held in memory (`size` bytes in all).
// Throws panocast::Error naming `what` and the problem. Exposed for fuzzing.
SafetensorsHeader parseSafetensorsHeader(const uint8_t* data, size_t size, const std::string& what);

// Bytes per element of a safetensors dtype name; 0 for unknown names.
int safetensorsItemSize(const std::string& dtype);

}  // namespace panocast
