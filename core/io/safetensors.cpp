#include "io/safetensors.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "runtime/error.h"

namespace panocast {
namespace {

using json = nlohmann::json;

// The reference implementation refuses headers over 100 MB; so do we.
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

struct DtypeInfo {
  const char* name;
  int itemSize;
  c10::ScalarType scalar;
  bool supported;
};

const DtypeInfo kDtypes[] = {
    {"F64", 8, torch::kFloat64, true},  {"F32", 4, torch::kFloat32, true},  {"F16", 2, torch::kFloat16, true},
    {"BF16", 2, torch::kBFloat16, true}, {"I64", 8, torch::kInt64, true},    {"I32", 4, torch::kInt32, true},
    {"I16", 2, torch::kInt16, true},    {"I8", 1, torch::kInt8, true},      {"U8", 1, torch::kUInt8, true},
    {"BOOL", 1, torch::kBool, true},    {"F8_E4M3", 1, torch::kUInt8, false}, {"F8_E5M2", 1, torch::kUInt8, false},
};

const DtypeInfo* findDtype(const std::string& name) {
  for (const auto& d : kDtypes)
    if (name == d.name) return &d;
  return nullptr;
}

const DtypeInfo& dtypeFor(c10::ScalarType scalar) {
  for (const auto& d : kDtypes)
    if (d.supported && d.scalar == scalar) return d;
  throw Error(std::string("safetensors cannot store dtype ") + c10::toString(scalar));
}

uint64_t readLittleEndian64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

}  // namespace

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
    const DtypeInfo* dtype = findDtype(info.dtype);
    if (!dtype) throw fail(where + "unknown dtype '" + info.dtype + "'");
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
    if (elements > std::numeric_limits<uint64_t>::max() / dtype->itemSize ||
        info.end - info.begin != elements * dtype->itemSize)
      throw fail(where + "byte size does not match its shape and dtype");
    ranges.emplace_back(info.begin, info.end);
    header.tensors.emplace(name, std::move(info));
  }
  std::sort(ranges.begin(), ranges.end());
  for (size_t i = 1; i < ranges.size(); ++i)
    if (ranges[i].first < ranges[i - 1].second) throw fail("two tensors share bytes");
  return header;
}

SafetensorsFile::SafetensorsFile(const std::filesystem::path& path) : path_(path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw Error(path.string() + ": cannot open (" + std::strerror(errno) + ")");
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw Error(path.string() + ": not a regular file");
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ > 0) {
    void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
      ::close(fd);
      throw Error(path.string() + ": cannot map file (" + std::strerror(errno) + ")");
    }
    data_ = static_cast<const uint8_t*>(mapped);
  }
  ::close(fd);
  try {
    header_ = parseSafetensorsHeader(data_, size_, path.string());
  } catch (...) {
    if (data_) ::munmap(const_cast<uint8_t*>(data_), size_);
    data_ = nullptr;
    throw;
  }
}

SafetensorsFile::~SafetensorsFile() {
  if (data_) ::munmap(const_cast<uint8_t*>(data_), size_);
}

std::vector<std::string> SafetensorsFile::names() const {
  std::vector<std::string> out;
  for (const auto& [name, info] : header_.tensors) out.push_back(name);
  return out;
}

const SafetensorInfo& SafetensorsFile::info(const std::string& name) const {
  const auto it = header_.tensors.find(name);
  if (it == header_.tensors.end()) throw Error(path_.string() + ": no tensor named '" + name + "'");
  return it->second;
}

torch::Tensor SafetensorsFile::tensor(const std::string& name) const {
  const SafetensorInfo& i = info(name);
  const DtypeInfo* dtype = findDtype(i.dtype);
  if (!dtype->supported)
    throw Error(path_.string() + ": tensor '" + name + "' has dtype " + i.dtype + ", which this build cannot load");
  auto out = torch::empty(i.shape, torch::TensorOptions().dtype(dtype->scalar));
  if (i.end > i.begin) std::memcpy(out.data_ptr(), data_ + header_.dataOffset + i.begin, i.end - i.begin);
  return out;
}

void writeSafetensors(const std::filesystem::path& path, const std::map<std::string, torch::Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata) {
  json header = json::object();
  if (!metadata.empty()) header["__metadata__"] = metadata;
  std::vector<torch::Tensor> contiguous;
  uint64_t offset = 0;
  for (const auto& [name, tensor] : tensors) {
    if (name == "__metadata__") throw Error("a tensor cannot be named __metadata__");
    auto t = tensor.detach().to(torch::kCPU).contiguous();
    const DtypeInfo& dtype = dtypeFor(t.scalar_type());
    const uint64_t bytes = static_cast<uint64_t>(t.numel()) * dtype.itemSize;
    header[name] = {{"dtype", dtype.name}, {"shape", t.sizes().vec()}, {"data_offsets", {offset, offset + bytes}}};
    offset += bytes;
    contiguous.push_back(t);
  }
  std::string text = header.dump();
  text.append((8 - text.size() % 8) % 8, ' ');
  std::string file(8, '\0');
  for (int b = 0; b < 8; ++b) file[b] = static_cast<char>((static_cast<uint64_t>(text.size()) >> (8 * b)) & 0xFF);
  file += text;
  file.reserve(file.size() + offset);
  for (const auto& t : contiguous)
    file.append(static_cast<const char*>(t.data_ptr()), static_cast<size_t>(t.numel() * t.element_size()));
  writeFileAtomically(path, file);
}

}  // namespace panocast
