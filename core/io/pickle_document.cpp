#include "io/pickle_document.h"

#include "runtime/error.h"

namespace panocast {

size_t storageElementSize(StorageDtype dtype) {
  switch (dtype) {
    case StorageDtype::Double: case StorageDtype::Long: return 8;
    case StorageDtype::Float: case StorageDtype::Int: return 4;
    case StorageDtype::Half: case StorageDtype::BFloat16: case StorageDtype::Short: return 2;
    case StorageDtype::Char: case StorageDtype::Byte: case StorageDtype::Bool: return 1;
  }
  return 1;
}

const char* storageDtypeName(StorageDtype dtype) {
  switch (dtype) {
    case StorageDtype::Float: return "float32";
    case StorageDtype::Double: return "float64";
    case StorageDtype::Half: return "float16";
    case StorageDtype::BFloat16: return "bfloat16";
    case StorageDtype::Long: return "int64";
    case StorageDtype::Int: return "int32";
    case StorageDtype::Short: return "int16";
    case StorageDtype::Char: return "int8";
    case StorageDtype::Byte: return "uint8";
    case StorageDtype::Bool: return "bool";
  }
  return "?";
}

const char* pickleKindName(PickleValue::Kind kind) {
  switch (kind) {
    case PickleValue::Kind::None: return "None";
    case PickleValue::Kind::Bool: return "bool";
    case PickleValue::Kind::Int: return "int";
    case PickleValue::Kind::BigInt: return "int";
    case PickleValue::Kind::Float: return "float";
    case PickleValue::Kind::String: return "str";
    case PickleValue::Kind::Bytes: return "bytes";
    case PickleValue::Kind::List: return "list";
    case PickleValue::Kind::Tuple: return "tuple";
    case PickleValue::Kind::Set: return "set";
    case PickleValue::Kind::Dict: return "dict";
    case PickleValue::Kind::Tensor: return "tensor";
    case PickleValue::Kind::Storage: return "storage";
    case PickleValue::Kind::Global: return "class or function";
    case PickleValue::Kind::Object: return "object";
  }
  return "?";
}

PickleId PickleDocument::add(PickleValue value) {
  if (values_.size() >= UINT32_MAX) throw Error("pickle: too many values");
  values_.push_back(std::move(value));
  return static_cast<PickleId>(values_.size() - 1);
}

const PickleValue& PickleDocument::at(PickleId id) const {
  if (id >= values_.size()) throw Error("pickle: internal reference out of range");
  return values_[id];
}

PickleValue& PickleDocument::at(PickleId id) {
  if (id >= values_.size()) throw Error("pickle: internal reference out of range");
  return values_[id];
}

const PickleValue* PickleDocument::find(PickleId dict, const std::string& key) const {
  const auto& d = at(dict);
  if (d.kind != PickleValue::Kind::Dict) return nullptr;
  for (const auto& [k, v] : d.entries) {
    const auto& kv = at(k);
    if (kv.kind == PickleValue::Kind::String && kv.text == key) return &at(v);
  }
  return nullptr;
}

PickleId PickleDocument::findId(PickleId dict, const std::string& key) const {
  const auto& d = at(dict);
  if (d.kind == PickleValue::Kind::Dict) {
    for (const auto& [k, v] : d.entries) {
      const auto& kv = at(k);
      if (kv.kind == PickleValue::Kind::String && kv.text == key) return v;
    }
  }
  throw Error("pickle: no entry '" + key + "'");
}

namespace {

bool isScriptObject(const PickleValue& value) {
  return value.kind == PickleValue::Kind::Object && value.callable == PickleCallable::ScriptObject;
}

// `visited` bounds the walk: containers shared through the memo can make a small file describe an
// exponentially large tree.
void collectTensors(const PickleDocument& doc, PickleId dict, const std::string& prefix, int depth,
                    std::vector<std::pair<std::string, PickleTensorRecord>>& out, size_t& visited) {
  if (depth > 64) throw Error("pickle: dictionaries nested more than 64 levels deep (a cycle?)");
  for (const auto& [k, v] : doc.at(dict).entries) {
    if (++visited > (size_t(1) << 24))
      throw Error("pickle: more than 16 million nested entries (containers shared many times over?)");
    const auto& key = doc.at(k);
    std::string name;
    if (key.kind == PickleValue::Kind::String)
      name = key.text;
    else if (key.kind == PickleValue::Kind::Int)
      name = std::to_string(key.integer);  // optimizer states are keyed by parameter index
    else
      continue;
    const auto& value = doc.at(v);
    if (value.kind == PickleValue::Kind::Tensor)
      out.emplace_back(prefix + name, value.tensor);
    else if (value.kind == PickleValue::Kind::Dict || isScriptObject(value))
      collectTensors(doc, v, prefix + name + ".", depth + 1, out, visited);
  }
}

}  // namespace

std::vector<std::pair<std::string, PickleTensorRecord>> PickleDocument::tensorsUnder(PickleId dict) const {
  if (at(dict).kind != PickleValue::Kind::Dict && !isScriptObject(at(dict)))
    throw Error(std::string("pickle: expected a dictionary of tensors, found a ") + pickleKindName(at(dict).kind));
  std::vector<std::pair<std::string, PickleTensorRecord>> out;
  size_t visited = 0;
  collectTensors(*this, dict, "", 0, out, visited);
  return out;
}

std::vector<std::string> PickleDocument::keysOf(PickleId dict) const {
  std::vector<std::string> keys;
  const auto& d = at(dict);
  if (d.kind != PickleValue::Kind::Dict) return keys;
  for (const auto& [k, v] : d.entries) {
    const auto& kv = at(k);
    keys.push_back(kv.kind == PickleValue::Kind::String ? kv.text : std::string("<") + pickleKindName(kv.kind) + ">");
  }
  return keys;
}

}  // namespace panocast
