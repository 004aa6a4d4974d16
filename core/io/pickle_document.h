#pragma once
// The values a safely unpickled PyTorch checkpoint can hold: plain containers, numbers, strings
// and tensor records. Values live in one arena and refer to each other by index, so a hostile
// file can build cycles or very deep nesting without crashing us (no recursive destruction,
// every traversal carries a depth limit).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace panocast {

using PickleId = uint32_t;

// Element types of PyTorch storages. Kept apart from LibTorch's own enum so the unpickler (and its
// fuzzer) build without LibTorch.
enum class StorageDtype { Float, Double, Half, BFloat16, Long, Int, Short, Char, Byte, Bool };
size_t storageElementSize(StorageDtype dtype);
const char* storageDtypeName(StorageDtype dtype);

// A tensor as the pickle describes it: a strided view of a storage whose bytes live elsewhere
// (a zip entry, or the tail of a legacy file). Bounds are checked when the storage is read.
struct PickleTensorRecord {
  std::string storageKey;
  int64_t storageOffset = 0;  // in elements
  std::vector<int64_t> sizes, strides;
};

// One storage a checkpoint declares (its persistent id): key, element type and element count.
struct PickleStorageRecord {
  std::string key;
  StorageDtype dtype = StorageDtype::Float;
  int64_t numel = 0;
  std::string location;  // "cpu", "cuda:0": where it was saved from; we always load to the CPU
};

// The few Python callables a checkpoint may name; anything else is refused when read.
enum class PickleCallable {
  None,
  OrderedDict,      // collections.OrderedDict and plain dict
  DictClass,        // dict subclasses holding plain data (Lightning's AttributeDict)
  NamespaceClass,   // argparse.Namespace: attributes set by BUILD
  ScriptObject,     // a TorchScript module class (__torch__.*): an inert record of its attributes
  TypeTag,          // torch.jit._pickle.restore_type_tag(value, type): the value itself
  Set,              // set / frozenset
  List,
  RebuildTensor,    // torch._utils._rebuild_tensor(_v2)
  RebuildParameter, // torch._utils._rebuild_parameter(_with_state)
  RebuildFromType,  // torch._tensor._rebuild_from_type_v2 (tensor subclasses)
  TensorClass,      // torch.Tensor / torch.nn.Parameter, as arguments of the above
  StorageType,      // torch.FloatStorage & co., only inside persistent ids
  TorchSize,
  TorchDevice,
  TorchDtype,       // torch.float32 & co. as values
  Reconstructor,    // copyreg._reconstructor(cls, object, None) for allowed classes
  ObjectClass,      // builtins.object, as the reconstructor's base
  NumpyScalar,      // numpy.core.multiarray.scalar(dtype, bytes)
  NumpyDtype,       // numpy.dtype(descr, align, copy)
};

struct PickleValue {
  enum class Kind { None, Bool, Int, BigInt, Float, String, Bytes, List, Tuple, Set, Dict, Tensor, Storage, Global, Object };
  Kind kind = Kind::None;
  bool boolean = false;
  int64_t integer = 0;
  double real = 0;
  std::string text;                           // String, Bytes; BigInt: little-endian two's complement
  std::vector<PickleId> items;                // List, Tuple, Set
  std::vector<std::pair<PickleId, PickleId>> entries;  // Dict (in insertion order); Object attributes
  PickleTensorRecord tensor;                  // Tensor
  PickleCallable callable = PickleCallable::None;  // Global: what it names; Object: its class
  std::string globalName;                     // Global / Object: "module.name" as in the file
  StorageDtype dtype = StorageDtype::Float;   // StorageType / TorchDtype globals
};

const char* pickleKindName(PickleValue::Kind kind);

// The result of unpickling: the value arena, the root, and the storages the pickle declared.
class PickleDocument {
 public:
  PickleId add(PickleValue value);
  const PickleValue& at(PickleId id) const;
  PickleValue& at(PickleId id);
  size_t size() const { return values_.size(); }

  PickleId root = 0;
  std::map<std::string, PickleStorageRecord> storages;

  // The value under string key `key` of dict `dict`, or nullptr (also when `dict` is no dict).
  const PickleValue* find(PickleId dict, const std::string& key) const;
  PickleId findId(PickleId dict, const std::string& key) const;  // throws when absent

  // Tensors under `dict`, nested dicts flattened with '.' ("model.conv.weight"); other values
  // (numbers, strings, None) are skipped. A TorchScript module's attributes count as a dict, so
  // its parameters come out under their module paths ("visual.conv1.weight"). Nesting deeper than
  // 64 levels is an error.
  std::vector<std::pair<std::string, PickleTensorRecord>> tensorsUnder(PickleId dict) const;

  // String keys of a dict value, in file order (non-string keys are shown as <kind>).
  std::vector<std::string> keysOf(PickleId dict) const;

 private:
  std::deque<PickleValue> values_;
};

}  // namespace panocast
