#pragma once
// Writes pickles and PyTorch checkpoints the way torch.save does (protocol 2, zip or legacy
// container), so the safe checkpoint reader is tested on files built here, including hostile
// ones, without Python. Opcodes are emitted explicitly: tests decide exactly what a file says.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace panocast::test {

class PickleWriter {
 public:
  explicit PickleWriter(bool legacyStorageIds = false) : legacy_(legacyStorageIds) {}

  PickleWriter& proto(int version = 2);
  PickleWriter& op(uint8_t opcode);
  PickleWriter& raw(const std::string& bytes);
  PickleWriter& mark() { return op('('); }
  PickleWriter& none() { return op('N'); }
  PickleWriter& boolean(bool value) { return op(value ? 0x88 : 0x89); }
  PickleWriter& integer(int64_t value);
  PickleWriter& real(double value);
  PickleWriter& str(const std::string& text);
  PickleWriter& bytes(const std::string& data);
  PickleWriter& global(const std::string& module, const std::string& name);
  PickleWriter& stackGlobal(const std::string& module, const std::string& name);  // protocol 4 style
  PickleWriter& reduce() { return op('R'); }
  PickleWriter& build() { return op('b'); }
  PickleWriter& newObject() { return op(0x81); }
  PickleWriter& tuple() { return op('t'); }  // from the last mark
  PickleWriter& emptyTuple() { return op(')'); }
  PickleWriter& setItems() { return op('u'); }
  PickleWriter& appends() { return op('e'); }
  PickleWriter& put(uint8_t index) { op('q'); return raw(std::string(1, static_cast<char>(index))); }
  PickleWriter& get(uint8_t index) { op('h'); return raw(std::string(1, static_cast<char>(index))); }
  PickleWriter& stop() { return op('.'); }

  // Containers: begin pushes the container and a mark, end adds the items pushed since.
  PickleWriter& dictBegin() { op('}'); return mark(); }
  PickleWriter& orderedDictBegin();
  PickleWriter& dictEnd() { return setItems(); }
  PickleWriter& listBegin() { op(']'); return mark(); }
  PickleWriter& listEnd() { return appends(); }

  // torch._utils._rebuild_tensor_v2 on a storage holding `t` (contiguous), as torch.save writes
  // a tensor; the storage bytes are kept for the container.
  PickleWriter& tensor(const at::Tensor& t);
  // A view (offset, sizes, strides) of the storage `key` holding `storage` (1-D).
  PickleWriter& tensorView(const std::string& key, const at::Tensor& storage, int64_t offset,
                           const std::vector<int64_t>& sizes, const std::vector<int64_t>& strides);

  const std::string& data() const { return out_; }
  const std::map<std::string, at::Tensor>& storages() const { return storages_; }

 private:
  PickleWriter& intTuple(const std::vector<int64_t>& values);
  std::string out_;
  std::map<std::string, at::Tensor> storages_;
  std::map<std::string, int> order_;
  bool legacy_;
};

// torch.save's zip container: archive/data.pkl, archive/data/<key>, archive/version, byteorder.
void writeTorchZip(const std::filesystem::path& path, const PickleWriter& pickle);
std::string torchZipBytes(const PickleWriter& pickle);
// The legacy container (PyTorch < 1.6): magic, protocol, sys_info, the pickle, keys, storages.
// `pickle` must have been written with legacyStorageIds.
void writeTorchLegacy(const std::filesystem::path& path, const PickleWriter& pickle);

// An OrderedDict state_dict of `tensors` as torch.save(model.state_dict()) writes it.
PickleWriter stateDictPickle(const std::map<std::string, at::Tensor>& tensors, bool legacy = false);

}  // namespace panocast::test
