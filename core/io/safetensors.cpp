#include "io/safetensors.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "io/mapped_file.h"
#include "runtime/error.h"

namespace panocast {
namespace {

using json = nlohmann::json;

// Which LibTorch dtype each safetensors dtype loads as (item sizes live with the header parser).
struct DtypeInfo {
  const char* name;
  c10::ScalarType scalar;
  bool supported;  // float8 needs LibTorch ≥ 2.1: parsed, but not loadable on every build
};

const DtypeInfo kDtypes[] = {
    {"F64", torch::kFloat64, true}, {"F32", torch::kFloat32, true}, {"F16", torch::kFloat16, true},
    {"BF16", torch::kBFloat16, true}, {"I64", torch::kInt64, true},  {"I32", torch::kInt32, true},
    {"I16", torch::kInt16, true},   {"I8", torch::kInt8, true},     {"U8", torch::kUInt8, true},
    {"BOOL", torch::kBool, true},   {"F8_E4M3", torch::kUInt8, false}, {"F8_E5M2", torch::kUInt8, false},
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

}  // namespace

SafetensorsFile::SafetensorsFile(const std::filesystem::path& path)
    : path_(path), file_(std::make_unique<MappedFile>(path)) {
  header_ = parseSafetensorsHeader(file_->data(), file_->size(), path.string());
}

SafetensorsFile::~SafetensorsFile() = default;

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
  if (i.end > i.begin) std::memcpy(out.data_ptr(), file_->data() + header_.dataOffset + i.begin, i.end - i.begin);
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
    const uint64_t bytes = static_cast<uint64_t>(t.numel()) * safetensorsItemSize(dtype.name);
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
