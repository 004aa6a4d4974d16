#include "io/torch_checkpoint.h"

#include <torch/torch.h>

#include <cstring>
#include <fstream>

#include "io/mapped_file.h"
#include "io/safe_unpickler.h"
#include "io/zip_archive.h"
#include "runtime/error.h"

namespace panocast {
namespace {

// The legacy format opens with pickle(MAGIC), pickle(1001), pickle(sys_info).
const uint8_t kLegacyMagic[] = {0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};  // 0x1950a86a20f9469cfc6c
constexpr int64_t kLegacyProtocol = 1001;

bool startsLikeLegacy(const uint8_t* data, size_t size) {
  return size >= 4 && data[0] == 0x80 && data[1] == 0x02 && data[2] == 0x8a && data[3] == sizeof kLegacyMagic;
}

c10::ScalarType scalarType(StorageDtype dtype) {
  switch (dtype) {
    case StorageDtype::Float: return c10::kFloat;
    case StorageDtype::Double: return c10::kDouble;
    case StorageDtype::Half: return c10::kHalf;
    case StorageDtype::BFloat16: return c10::kBFloat16;
    case StorageDtype::Long: return c10::kLong;
    case StorageDtype::Int: return c10::kInt;
    case StorageDtype::Short: return c10::kShort;
    case StorageDtype::Char: return c10::kChar;
    case StorageDtype::Byte: return c10::kByte;
    case StorageDtype::Bool: return c10::kBool;
  }
  return c10::kByte;
}

uint64_t storageBytes(const PickleStorageRecord& record, const std::string& label) {
  const auto element = static_cast<uint64_t>(storageElementSize(record.dtype));
  const auto numel = static_cast<uint64_t>(record.numel);
  if (numel > (uint64_t(1) << 60) / element) throw Error(label + ": storage '" + record.key + "' is impossibly large");
  return numel * element;
}

}  // namespace

// Where storage bytes come from, and the storages read so far (tensors share them).
class TorchCheckpoint::Storages {
 public:
  std::unique_ptr<MappedFile> file;  // when opened from a path
  std::unique_ptr<ZipArchive> zip;
  std::string zipPrefix;             // "archive/" — the folder torch.save puts everything in
  const uint8_t* legacyData = nullptr;
  size_t legacySize = 0;
  std::map<std::string, size_t> legacyOffsets;  // key → first data byte

  at::Tensor storage(const PickleStorageRecord& record, const std::string& label) {
    const auto cached = cache_.find(record.key);
    if (cached != cache_.end()) return cached->second;
    const uint64_t bytes = storageBytes(record, label);
    at::Tensor out;
    if (zip) {
      const std::string entry = zipPrefix + "data/" + record.key;
      if (!zip->contains(entry)) throw Error(label + ": storage '" + record.key + "' is missing from the archive");
      if (zip->size(entry) != bytes)
        throw Error(label + ": storage '" + record.key + "' holds " + std::to_string(zip->size(entry)) +
                    " bytes, the pickle expects " + std::to_string(bytes));
      out = torch::empty({record.numel}, torch::TensorOptions().dtype(scalarType(record.dtype)));
      zip->read(entry, out.data_ptr(), bytes);
    } else {
      const auto it = legacyOffsets.find(record.key);
      if (it == legacyOffsets.end()) throw Error(label + ": storage '" + record.key + "' is missing from the file");
      out = torch::empty({record.numel}, torch::TensorOptions().dtype(scalarType(record.dtype)));
      if (bytes) std::memcpy(out.data_ptr(), legacyData + it->second, bytes);
    }
    cache_[record.key] = out;
    return out;
  }

 private:
  std::map<std::string, at::Tensor> cache_;
};

TorchCheckpoint::TorchCheckpoint(const std::filesystem::path& path)
    : label_(path.string()), storages_(std::make_unique<Storages>()) {
  storages_->file = std::make_unique<MappedFile>(path);
  open(storages_->file->data(), storages_->file->size());
}

TorchCheckpoint::TorchCheckpoint(const uint8_t* data, size_t size, const std::string& label)
    : label_(label), storages_(std::make_unique<Storages>()) {
  open(data, size);
}

TorchCheckpoint::~TorchCheckpoint() = default;

void TorchCheckpoint::open(const uint8_t* data, size_t size) {
  auto rethrow = [&](const Error& e) { throw Error(label_ + ": " + e.what()); };
  if (looksLikeZip(data, size)) {
    format_ = "zip";
    storages_->zip = std::make_unique<ZipArchive>(data, size);
    // torch.save writes <folder>/data.pkl, <folder>/data/<key>, <folder>/version (and byteorder).
    std::string pickleEntry;
    for (const auto& name : storages_->zip->names()) {
      const auto slash = name.find('/');
      if (slash == std::string::npos || name.substr(slash + 1) != "data.pkl") continue;
      if (!pickleEntry.empty()) throw Error(label_ + ": more than one data.pkl in the archive");
      pickleEntry = name;
      storages_->zipPrefix = name.substr(0, slash + 1);
    }
    if (pickleEntry.empty()) {
      for (const auto& name : storages_->zip->names())
        if (name.find("/constants.pkl") != std::string::npos)
          throw Error(label_ + ": a TorchScript archive, not a checkpoint; save the model's state_dict() instead");
      throw Error(label_ + ": a zip archive without data.pkl, not a PyTorch checkpoint");
    }
    const auto byteOrder = storages_->zipPrefix + "byteorder";
    if (storages_->zip->contains(byteOrder) && storages_->zip->size(byteOrder) < 16 &&
        storages_->zip->read(byteOrder) != "little")
      throw Error(label_ + ": saved on a big-endian machine; re-save it on a little-endian one");
    if (storages_->zip->size(pickleEntry) > (uint64_t(1) << 30))
      throw Error(label_ + ": data.pkl is larger than 1 GiB, which no checkpoint needs");
    const std::string pickle = storages_->zip->read(pickleEntry);
    try {
      document_ = unpickleSafely(reinterpret_cast<const uint8_t*>(pickle.data()), pickle.size());
    } catch (const Error& e) {
      rethrow(e);
    }
    return;
  }

  if (!startsLikeLegacy(data, size)) {
    if (size > 262 && std::memcmp(data + 257, "ustar", 5) == 0)
      throw Error(label_ + ": a tar-format checkpoint from PyTorch before 0.4; re-save it with a current PyTorch");
    throw Error(label_ + ": not a PyTorch checkpoint (neither a torch.save zip archive nor a legacy pickle)");
  }
  format_ = "legacy";
  try {
    size_t pos = 0, used = 0;
    const auto magic = unpickleSafely(data, size, &used);
    pos += used;
    const auto& m = magic.at(magic.root);
    if (m.kind != PickleValue::Kind::BigInt || m.text != std::string(reinterpret_cast<const char*>(kLegacyMagic), sizeof kLegacyMagic))
      throw Error("wrong magic number (not a PyTorch file)");
    const auto protocol = unpickleSafely(data + pos, size - pos, &used);
    pos += used;
    if (protocol.at(protocol.root).kind != PickleValue::Kind::Int || protocol.at(protocol.root).integer != kLegacyProtocol)
      throw Error("unsupported legacy protocol version");
    const auto sysInfo = unpickleSafely(data + pos, size - pos, &used);
    pos += used;
    if (const auto* little = sysInfo.find(sysInfo.root, "little_endian");
        little && little->kind == PickleValue::Kind::Bool && !little->boolean)
      throw Error("saved on a big-endian machine; re-save it on a little-endian one");
    document_ = unpickleSafely(data + pos, size - pos, &used);
    pos += used;
    const auto keys = unpickleSafely(data + pos, size - pos, &used);
    pos += used;
    const auto& keyList = keys.at(keys.root);
    if (keyList.kind != PickleValue::Kind::List) throw Error("the storage key list is missing");
    // The storages follow in key order, each as an int64 element count and the raw bytes.
    for (const auto id : keyList.items) {
      const auto& key = keys.at(id);
      if (key.kind != PickleValue::Kind::String) throw Error("a storage key is not a string");
      const auto record = document_.storages.find(key.text);
      if (record == document_.storages.end()) throw Error("storage '" + key.text + "' was never declared");
      if (size - pos < 8) throw Error("the file ends before storage '" + key.text + "' (truncated?)");
      int64_t count;
      std::memcpy(&count, data + pos, 8);
      pos += 8;
      if (count != record->second.numel)
        throw Error("storage '" + key.text + "' holds " + std::to_string(count) + " elements, the pickle expects " +
                    std::to_string(record->second.numel));
      const uint64_t bytes = storageBytes(record->second, label_);
      if (bytes > size - pos) throw Error("the file ends inside storage '" + key.text + "' (truncated?)");
      storages_->legacyOffsets[key.text] = pos;
      pos += bytes;
    }
    storages_->legacyData = data;
    storages_->legacySize = size;
  } catch (const Error& e) {
    rethrow(e);
  }
}

at::Tensor TorchCheckpoint::materialize(const std::string& name, const PickleTensorRecord& record) const {
  const auto declared = document_.storages.find(record.storageKey);
  if (declared == document_.storages.end()) throw Error(label_ + ": tensor '" + name + "' has no storage");
  const int64_t numel = declared->second.numel;
  // The last element the view touches must lie inside its storage.
  __int128 last = record.storageOffset;
  bool empty = false;
  for (size_t d = 0; d < record.sizes.size(); ++d) {
    if (record.sizes[d] == 0) empty = true;
    else last += static_cast<__int128>(record.sizes[d] - 1) * record.strides[d];
  }
  if (!empty && last >= numel)
    throw Error(label_ + ": tensor '" + name + "' reaches outside its storage (corrupt checkpoint)");
  if (empty && record.storageOffset > numel)
    throw Error(label_ + ": tensor '" + name + "' starts outside its storage (corrupt checkpoint)");
  const auto storage = storages_->storage(declared->second, label_);
  return storage.as_strided(record.sizes, record.strides, record.storageOffset);
}

std::map<std::string, at::Tensor> TorchCheckpoint::tensors(const std::string& entry) const {
  PickleId dict = document_.root;
  if (!entry.empty()) {
    if (!document_.find(document_.root, entry)) throw Error(label_ + ": no '" + entry + "' entry in the checkpoint");
    dict = document_.findId(document_.root, entry);
  }
  std::map<std::string, at::Tensor> out;
  for (const auto& [name, record] : document_.tensorsUnder(dict)) out[name] = materialize(name, record);
  return out;
}

std::map<std::string, at::Tensor> TorchCheckpoint::stateDict() const {
  const auto* stateDict = document_.find(document_.root, "state_dict");
  if (stateDict && stateDict->kind == PickleValue::Kind::Dict) return tensors("state_dict");
  return tensors();
}

bool looksLikeTorchCheckpoint(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  uint8_t head[4] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  return in.gcount() == 4 && (looksLikeZip(head, 4) || startsLikeLegacy(head, 4));
}

}  // namespace panocast
