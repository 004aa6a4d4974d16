#include "io/safetensors_header.h"

#include <algorithm>
#include <limits>
#include <nlohmann/json.hpp>

#include "runtime/error.h"

namespace panocast {
namespace {

using json = nlohmann::json;

// The reference implementation refuses headers over 100 MB; so do we.
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

uint64_t readLittleEndian64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

int safetensorsItemSize(const std::string& dtype) {
  static const std::pair<const char*, int> sizes[] = {{"F64", 8}, {"F32", 4}, {"F16", 2},    {"BF16", 2},
                                                      {"I64", 8}, {"I32", 4}, {"I16", 2},    {"I8", 1},
                                                      {"U8", 1},  {"BOOL", 1}, {"F8_E4M3", 1}, {"F8_E5M2", 1}};
  for (const auto& [name, size] : sizes)
    if (dtype == name) return size;
  return 0;
}

SafetensorsHeader parseSafetensorsHeader(const uint8_t* data, size_t size, const std::string& what) {
  auto fail = [&](const std::string& why) { return Error(what + ": not a valid safetensors file: " + why); };
  if (size < 8) throw fail("shorter than its 8-byte header length");
  const uint64_t headerLength = readLittleEndian64(data);
  if (headerLength > kMaxHeaderBytes) throw fail("header length " + std::to_string(headerLength) + " is implausible");
  if (headerLength > size - 8) throw fail("header runs past the end of the file");
  SafetensorsHeader header;
  header.dataOffset = 8 + headerLength;
  const uint64_t dataSize = size - header.dataOffset;

  json root;
  try {
    root = json::parse(data + 8, data + 8 + headerLength);
  } catch (const json::exception& e) {
    throw fail(std::string("header is not JSON (") + e.what() + ")");
  }
  if (!root.is_object()) throw fail("header is not a JSON object");

  std::vector<std::pair<uint64_t, uint64_t>> ranges;
  for (const auto& [name, entry] : root.items()) {
    if (name == "__metadata__") {
      if (!entry.is_object()) throw fail("__metadata__ is not an object");
      for (const auto& [key, value] : entry.items()) {
        if (!value.is_string()) throw fail("__metadata__." + key + " is not a string");
        header.metadata[key] = value.get<std::string>();
      }
      continue;
    }
    const std::string where = "tensor '" + name + "': ";
    if (!entry.is_object()) throw fail(where + "entry is not an object");
    const auto dtypeIt = entry.find("dtype");
    const auto shapeIt = entry.find("shape");
    const auto offsetsIt = entry.find("data_offsets");
    if (dtypeIt == entry.end() || !dtypeIt->is_string()) throw fail(where + "missing dtype");
    if (shapeIt == entry.end() || !shapeIt->is_array()) throw fail(where + "missing shape");
    if (offsetsIt == entry.end() || !offsetsIt->is_array() || offsetsIt->size() != 2)
      throw fail(where + "data_offsets must be [begin, end]");
    SafetensorInfo info;
    info.dtype = dtypeIt->get<std::string>();
    const int itemSize = safetensorsItemSize(info.dtype);
    if (itemSize == 0) throw fail(where + "unknown dtype '" + info.dtype + "'");
    uint64_t elements = 1;
    for (const auto& dim : *shapeIt) {
      if (!dim.is_number_unsigned()) throw fail(where + "shape entries must be non-negative integers");
      const uint64_t d = dim.get<uint64_t>();
      if (d > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) ||
          (d != 0 && elements > std::numeric_limits<uint64_t>::max() / d))
        throw fail(where + "shape overflows");
      elements *= d;
      info.shape.push_back(static_cast<int64_t>(d));
    }
    for (const auto& offset : *offsetsIt)
      if (!offset.is_number_unsigned()) throw fail(where + "data_offsets must be non-negative integers");
    info.begin = (*offsetsIt)[0].get<uint64_t>();
    info.end = (*offsetsIt)[1].get<uint64_t>();
    if (info.begin > info.end) throw fail(where + "data_offsets end before they begin");
    if (info.end > dataSize) throw fail(where + "data lies outside the file (truncated download?)");
    if (elements > std::numeric_limits<uint64_t>::max() / itemSize || info.end - info.begin != elements * itemSize)
      throw fail(where + "byte size does not match its shape and dtype");
    ranges.emplace_back(info.begin, info.end);
    header.tensors.emplace(name, std::move(info));
  }
  std::sort(ranges.begin(), ranges.end());
  for (size_t i = 1; i < ranges.size(); ++i)
    if (ranges[i].first < ranges[i - 1].second) throw fail("two tensors share bytes");
  return header;
}

}  // namespace panocast
