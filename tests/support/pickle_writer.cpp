#include "support/pickle_writer.h"

#include <torch/torch.h>
#include <zip.h>

#include <cstring>
#include <fstream>
#include <stdexcept>

namespace panocast::test {
namespace {

std::string littleEndian(uint64_t value, int bytes) {
  std::string out;
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
  return out;
}

const char* storageClass(c10::ScalarType type) {
  switch (type) {
    case c10::kFloat: return "FloatStorage";
    case c10::kDouble: return "DoubleStorage";
    case c10::kHalf: return "HalfStorage";
    case c10::kBFloat16: return "BFloat16Storage";
    case c10::kLong: return "LongStorage";
    case c10::kInt: return "IntStorage";
    case c10::kByte: return "ByteStorage";
    case c10::kBool: return "BoolStorage";
    default: throw std::runtime_error("pickle writer: unsupported dtype");
  }
}

std::string storageBytes(const at::Tensor& storage) {
  const auto t = storage.contiguous();
  return std::string(static_cast<const char*>(t.data_ptr()), static_cast<size_t>(t.numel() * t.element_size()));
}

}  // namespace

PickleWriter& PickleWriter::proto(int version) {
  op(0x80);
  return raw(std::string(1, static_cast<char>(version)));
}

PickleWriter& PickleWriter::op(uint8_t opcode) {
  out_ += static_cast<char>(opcode);
  return *this;
}

PickleWriter& PickleWriter::raw(const std::string& bytes) {
  out_ += bytes;
  return *this;
}

PickleWriter& PickleWriter::integer(int64_t value) {
  if (value >= 0 && value < 256) return op('K').raw(littleEndian(static_cast<uint64_t>(value), 1));
  if (value >= INT32_MIN && value <= INT32_MAX) return op('J').raw(littleEndian(static_cast<uint32_t>(value), 4));
  return op(0x8a).raw(std::string(1, 8)).raw(littleEndian(static_cast<uint64_t>(value), 8));
}

PickleWriter& PickleWriter::real(double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, 8);
  op('G');
  for (int i = 7; i >= 0; --i) out_ += static_cast<char>((bits >> (8 * i)) & 0xff);
  return *this;
}

PickleWriter& PickleWriter::str(const std::string& text) { return op('X').raw(littleEndian(text.size(), 4)).raw(text); }
PickleWriter& PickleWriter::bytes(const std::string& data) { return op('B').raw(littleEndian(data.size(), 4)).raw(data); }

PickleWriter& PickleWriter::global(const std::string& module, const std::string& name) {
  return op('c').raw(module + "\n" + name + "\n");
}

PickleWriter& PickleWriter::stackGlobal(const std::string& module, const std::string& name) {
  op(0x8c).raw(std::string(1, static_cast<char>(module.size()))).raw(module);
  op(0x8c).raw(std::string(1, static_cast<char>(name.size()))).raw(name);
  return op(0x93);
}

PickleWriter& PickleWriter::orderedDictBegin() {
  global("collections", "OrderedDict").emptyTuple().reduce();
  return mark();
}

PickleWriter& PickleWriter::intTuple(const std::vector<int64_t>& values) {
  mark();
  for (auto v : values) integer(v);
  return tuple();
}

PickleWriter& PickleWriter::tensorView(const std::string& key, const at::Tensor& storage, int64_t offset,
                                       const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides) {
  storages_[key] = storage;
  if (!order_.count(key)) order_[key] = static_cast<int>(order_.size());
  global("torch._utils", "_rebuild_tensor_v2").mark();
  // persistent id ('storage', torch.<Type>Storage, key, 'cpu', numel[, None])
  mark().str("storage").global("torch", storageClass(storage.scalar_type())).str(key).str("cpu").integer(storage.numel());
  if (legacy_) none();
  tuple().op('Q');
  integer(offset).intTuple(sizes).intTuple(strides).boolean(false);
  global("collections", "OrderedDict").emptyTuple().reduce();  // backward hooks
  return tuple().reduce();
}

PickleWriter& PickleWriter::tensor(const at::Tensor& t) {
  const auto contiguous = t.contiguous();
  const std::string key = std::to_string(storages_.size());
  std::vector<int64_t> strides = contiguous.strides().vec();
  return tensorView(key, contiguous.reshape({-1}).clone(), 0, contiguous.sizes().vec(), strides);
}

std::string torchZipBytes(const PickleWriter& pickle) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open_from_source failed");
  zip_source_keep(buffer);
  std::vector<std::string> keep;  // libzip reads the data at close time
  keep.reserve(pickle.storages().size() + 3);
  auto add = [&](const std::string& name, std::string data) {
    keep.push_back(std::move(data));
    zip_source_t* source = zip_source_buffer(archive, keep.back().data(), keep.back().size(), 0);
    const auto index = zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE);
    if (index < 0) throw std::runtime_error("zip_file_add failed");
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);  // as torch.save
  };
  add("archive/data.pkl", pickle.data());
  add("archive/byteorder", "little");
  for (const auto& [key, storage] : pickle.storages()) add("archive/data/" + key, storageBytes(storage));
  add("archive/version", "3\n");
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const auto size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<size_t>(size), '\0');
  zip_source_read(buffer, out.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

void writeTorchZip(const std::filesystem::path& path, const PickleWriter& pickle) {
  std::ofstream(path, std::ios::binary) << torchZipBytes(pickle);
}

void writeTorchLegacy(const std::filesystem::path& path, const PickleWriter& pickle) {
  std::string out;
  PickleWriter magic;
  magic.proto().op(0x8a).raw(std::string(1, 10)).raw(std::string("\x6c\xfc\x9c\x46\xf9\x20\x6a\xa8\x50\x19", 10)).stop();
  PickleWriter protocol;
  protocol.proto().integer(1001).stop();
  PickleWriter sysInfo;
  sysInfo.proto().dictBegin().str("protocol_version").integer(1001).str("little_endian").boolean(true).dictEnd().stop();
  std::vector<std::string> keys;
  for (const auto& [key, storage] : pickle.storages()) keys.push_back(key);
  PickleWriter keyList;
  keyList.proto().listBegin();
  for (const auto& key : keys) keyList.str(key);
  keyList.listEnd().stop();
  out = magic.data() + protocol.data() + sysInfo.data() + pickle.data() + keyList.data();
  for (const auto& key : keys) {
    const auto& storage = pickle.storages().at(key);
    out += littleEndian(static_cast<uint64_t>(storage.numel()), 8) + storageBytes(storage);
  }
  std::ofstream(path, std::ios::binary) << out;
}

PickleWriter stateDictPickle(const std::map<std::string, at::Tensor>& tensors, bool legacy) {
  PickleWriter w(legacy);
  w.proto().orderedDictBegin();
  for (const auto& [name, t] : tensors) w.str(name).tensor(t);
  w.dictEnd().stop();
  return w;
}

}  // namespace panocast::test
