#include "io/safe_unpickler.h"

#include <cstring>
#include <string_view>
#include <unordered_map>

#include "runtime/error.h"

namespace panocast {
namespace {

using Kind = PickleValue::Kind;

struct AllowedGlobal {
  const char* module;
  const char* name;
  PickleCallable callable;
  StorageDtype dtype = StorageDtype::Float;
};

// Every name a checkpoint may mention. Storage classes and dtypes carry their element type.
const AllowedGlobal kAllowed[] = {
    {"collections", "OrderedDict", PickleCallable::OrderedDict},
    {"builtins", "dict", PickleCallable::OrderedDict},
    {"__builtin__", "dict", PickleCallable::OrderedDict},
    {"builtins", "set", PickleCallable::Set},
    {"builtins", "frozenset", PickleCallable::Set},
    {"__builtin__", "set", PickleCallable::Set},
    {"builtins", "list", PickleCallable::List},
    {"builtins", "object", PickleCallable::ObjectClass},
    {"__builtin__", "object", PickleCallable::ObjectClass},
    {"copyreg", "_reconstructor", PickleCallable::Reconstructor},
    {"copy_reg", "_reconstructor", PickleCallable::Reconstructor},
    {"pytorch_lightning.utilities.parsing", "AttributeDict", PickleCallable::DictClass},
    {"lightning_fabric.utilities.data", "AttributeDict", PickleCallable::DictClass},
    {"lightning.fabric.utilities.data", "AttributeDict", PickleCallable::DictClass},
    {"argparse", "Namespace", PickleCallable::NamespaceClass},
    {"torch._utils", "_rebuild_tensor", PickleCallable::RebuildTensor},
    {"torch._utils", "_rebuild_tensor_v2", PickleCallable::RebuildTensor},
    {"torch._utils", "_rebuild_parameter", PickleCallable::RebuildParameter},
    {"torch._utils", "_rebuild_parameter_with_state", PickleCallable::RebuildParameter},
    {"torch._tensor", "_rebuild_from_type_v2", PickleCallable::RebuildFromType},
    {"torch.jit._pickle", "build_intlist", PickleCallable::List},
    {"torch.jit._pickle", "build_doublelist", PickleCallable::List},
    {"torch.jit._pickle", "build_boollist", PickleCallable::List},
    {"torch.jit._pickle", "build_tensorlist", PickleCallable::List},
    {"torch.jit._pickle", "build_list", PickleCallable::List},
    {"torch.jit._pickle", "restore_type_tag", PickleCallable::TypeTag},
    {"torch", "Tensor", PickleCallable::TensorClass},
    {"torch.nn.parameter", "Parameter", PickleCallable::TensorClass},
    {"torch", "Size", PickleCallable::TorchSize},
    {"torch", "device", PickleCallable::TorchDevice},
    {"numpy.core.multiarray", "scalar", PickleCallable::NumpyScalar},
    {"numpy._core.multiarray", "scalar", PickleCallable::NumpyScalar},
    {"numpy", "dtype", PickleCallable::NumpyDtype},
    {"torch", "FloatStorage", PickleCallable::StorageType, StorageDtype::Float},
    {"torch", "DoubleStorage", PickleCallable::StorageType, StorageDtype::Double},
    {"torch", "HalfStorage", PickleCallable::StorageType, StorageDtype::Half},
    {"torch", "BFloat16Storage", PickleCallable::StorageType, StorageDtype::BFloat16},
    {"torch", "LongStorage", PickleCallable::StorageType, StorageDtype::Long},
    {"torch", "IntStorage", PickleCallable::StorageType, StorageDtype::Int},
    {"torch", "ShortStorage", PickleCallable::StorageType, StorageDtype::Short},
    {"torch", "CharStorage", PickleCallable::StorageType, StorageDtype::Char},
    {"torch", "ByteStorage", PickleCallable::StorageType, StorageDtype::Byte},
    {"torch", "BoolStorage", PickleCallable::StorageType, StorageDtype::Bool},
    {"torch", "UntypedStorage", PickleCallable::StorageType, StorageDtype::Byte},
    {"torch", "float32", PickleCallable::TorchDtype, StorageDtype::Float},
    {"torch", "float64", PickleCallable::TorchDtype, StorageDtype::Double},
    {"torch", "float16", PickleCallable::TorchDtype, StorageDtype::Half},
    {"torch", "bfloat16", PickleCallable::TorchDtype, StorageDtype::BFloat16},
    {"torch", "int64", PickleCallable::TorchDtype, StorageDtype::Long},
    {"torch", "int32", PickleCallable::TorchDtype, StorageDtype::Int},
    {"torch", "uint8", PickleCallable::TorchDtype, StorageDtype::Byte},
    {"torch", "bool", PickleCallable::TorchDtype, StorageDtype::Bool},
};

class Unpickler {
 public:
  Unpickler(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  PickleDocument run(size_t* consumed) {
    while (true) {
      opStart_ = pos_;
      const uint8_t op = u8();
      if (op == '.') {  // STOP
        doc_.root = pop();
        if (consumed) *consumed = pos_;
        return std::move(doc_);
      }
      step(op);
    }
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw Error("pickle (byte " + std::to_string(opStart_) + "): " + what);
  }

  // ---- reading bytes
  void need(size_t n) const {
    if (n > size_ - pos_) fail("the data ends in the middle of an instruction (truncated file?)");
  }
  uint8_t u8() {
    need(1);
    return data_[pos_++];
  }
  uint64_t littleEndian(size_t n) {
    need(n);
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v |= uint64_t(data_[pos_ + i]) << (8 * i);
    pos_ += n;
    return v;
  }
  std::string bytes(uint64_t n) {
    if (n > size_ - pos_) fail("a string runs past the end of the data");
    std::string s(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return s;
  }
  std::string line() {
    const size_t start = pos_;
    while (pos_ < size_ && data_[pos_] != '\n') {
      if (pos_ - start > 1024) fail("a name is too long");
      ++pos_;
    }
    if (pos_ >= size_) fail("a name is not terminated");
    std::string s(reinterpret_cast<const char*>(data_ + start), pos_ - start);
    ++pos_;
    return s;
  }

  // ---- the stack
  PickleId push(PickleValue v) {
    const auto id = doc_.add(std::move(v));
    stack_.push_back(id);
    return id;
  }
  PickleId pop() {
    if (stack_.size() <= frameStart()) fail("stack underflow (malformed pickle)");
    const auto id = stack_.back();
    stack_.pop_back();
    return id;
  }
  PickleId top() const {
    if (stack_.size() <= frameStart()) fail("stack underflow (malformed pickle)");
    return stack_.back();
  }
  size_t frameStart() const { return marks_.empty() ? 0 : marks_.back(); }
  std::vector<PickleId> popMark() {
    if (marks_.empty()) fail("MARK expected (malformed pickle)");
    const size_t mark = marks_.back();
    marks_.pop_back();
    std::vector<PickleId> items(stack_.begin() + static_cast<std::ptrdiff_t>(mark), stack_.end());
    stack_.resize(mark);
    return items;
  }
  PickleValue& value(PickleId id) { return doc_.at(id); }

  PickleValue scalar(Kind kind) {
    PickleValue v;
    v.kind = kind;
    return v;
  }
  PickleValue integer(int64_t i) {
    PickleValue v = scalar(Kind::Int);
    v.integer = i;
    return v;
  }
  PickleValue text(Kind kind, std::string s) {
    PickleValue v = scalar(kind);
    v.text = std::move(s);
    return v;
  }
  PickleValue container(Kind kind, std::vector<PickleId> items = {}) {
    PickleValue v = scalar(kind);
    v.items = std::move(items);
    return v;
  }
  PickleValue longInteger(const std::string& le) {
    if (le.size() <= 8) {
      uint64_t u = 0;
      for (size_t i = 0; i < le.size(); ++i) u |= uint64_t(uint8_t(le[i])) << (8 * i);
      if (!le.empty() && le.size() < 8 && (uint8_t(le.back()) & 0x80)) u |= ~uint64_t(0) << (8 * le.size());
      int64_t i;
      std::memcpy(&i, &u, sizeof i);
      return integer(i);
    }
    return text(Kind::BigInt, le);
  }

  // ---- instructions
  void step(uint8_t op) {
    switch (op) {
      case 0x80: {  // PROTO
        const int version = u8();
        if (version < 2 || version > 5) fail("pickle protocol " + std::to_string(version) + " is not supported (2–5 are)");
        break;
      }
      case 0x95: {  // FRAME: a length hint only
        const uint64_t n = littleEndian(8);
        if (n > size_ - pos_) fail("a frame runs past the end of the data");
        break;
      }
      case '(': marks_.push_back(stack_.size()); break;                  // MARK
      case 'N': push(scalar(Kind::None)); break;                         // NONE
      case 0x88: push([&] { auto v = scalar(Kind::Bool); v.boolean = true; return v; }()); break;   // NEWTRUE
      case 0x89: push(scalar(Kind::Bool)); break;                        // NEWFALSE
      case 'J': push(integer(static_cast<int32_t>(littleEndian(4)))); break;  // BININT
      case 'K': push(integer(u8())); break;                                    // BININT1
      case 'M': push(integer(static_cast<int64_t>(littleEndian(2)))); break;   // BININT2
      case 0x8a: { const auto n = u8(); push(longInteger(bytes(n))); break; }  // LONG1
      case 0x8b: {                                                             // LONG4
        const auto n = static_cast<int32_t>(littleEndian(4));
        if (n < 0) fail("negative length");
        push(longInteger(bytes(static_cast<uint64_t>(n))));
        break;
      }
      case 'G': {  // BINFLOAT: big-endian IEEE double
        need(8);
        uint64_t u = 0;
        for (int i = 0; i < 8; ++i) u = (u << 8) | data_[pos_ + i];
        pos_ += 8;
        auto v = scalar(Kind::Float);
        std::memcpy(&v.real, &u, sizeof u);
        push(std::move(v));
        break;
      }
      case 'X': push(text(Kind::String, bytes(littleEndian(4)))); break;     // BINUNICODE
      case 0x8c: push(text(Kind::String, bytes(u8()))); break;               // SHORT_BINUNICODE
      case 0x8d: push(text(Kind::String, bytes(littleEndian(8)))); break;    // BINUNICODE8
      case 'T': {                                                              // BINSTRING (Python 2 str)
        const auto n = static_cast<int32_t>(littleEndian(4));
        if (n < 0) fail("negative length");
        push(text(Kind::String, bytes(static_cast<uint64_t>(n))));
        break;
      }
      case 'U': push(text(Kind::String, bytes(u8()))); break;                // SHORT_BINSTRING
      case 'B': push(text(Kind::Bytes, bytes(littleEndian(4)))); break;      // BINBYTES
      case 'C': push(text(Kind::Bytes, bytes(u8()))); break;                 // SHORT_BINBYTES
      case 0x8e: push(text(Kind::Bytes, bytes(littleEndian(8)))); break;     // BINBYTES8
      case ')': push(container(Kind::Tuple)); break;                         // EMPTY_TUPLE
      case 0x85: { auto a = pop(); push(container(Kind::Tuple, {a})); break; }                 // TUPLE1
      case 0x86: { auto b = pop(), a = pop(); push(container(Kind::Tuple, {a, b})); break; }   // TUPLE2
      case 0x87: { auto c = pop(), b = pop(), a = pop(); push(container(Kind::Tuple, {a, b, c})); break; }  // TUPLE3
      case 't': push(container(Kind::Tuple, popMark())); break;              // TUPLE
      case ']': push(container(Kind::List)); break;                          // EMPTY_LIST
      case 'l': push(container(Kind::List, popMark())); break;               // LIST
      case 'a': { auto item = pop(); appendTo(top(), {item}); break; }       // APPEND
      case 'e': { auto items = popMark(); appendTo(top(), items); break; }   // APPENDS
      case '}': push(scalar(Kind::Dict)); break;                             // EMPTY_DICT
      case 'd': {                                                              // DICT
        auto items = popMark();
        const auto id = push(scalar(Kind::Dict));
        setItems(id, items);
        break;
      }
      case 's': { auto v = pop(), k = pop(); setItems(top(), {k, v}); break; }  // SETITEM
      case 'u': { auto items = popMark(); setItems(top(), items); break; }      // SETITEMS
      case 0x8f: push(container(Kind::Set)); break;                              // EMPTY_SET
      case 0x90: {                                                                 // ADDITEMS
        auto items = popMark();
        auto& set = value(top());
        if (set.kind != Kind::Set) fail("ADDITEMS on a " + std::string(pickleKindName(set.kind)));
        set.items.insert(set.items.end(), items.begin(), items.end());
        break;
      }
      case 0x91: push(container(Kind::Set, popMark())); break;  // FROZENSET
      case 'q': memo_[u8()] = top(); break;                                     // BINPUT
      case 'r': memo_[static_cast<uint32_t>(littleEndian(4))] = top(); break;   // LONG_BINPUT
      case 0x94: memo_[static_cast<uint32_t>(memo_.size())] = top(); break;     // MEMOIZE
      case 'h': stack_.push_back(memoGet(u8())); break;                         // BINGET
      case 'j': stack_.push_back(memoGet(static_cast<uint32_t>(littleEndian(4)))); break;  // LONG_BINGET
      case '0':                                                                   // POP
        if (stack_.size() > frameStart()) stack_.pop_back(); else popMark();
        break;
      case '1': popMark(); break;                   // POP_MARK
      case '2': stack_.push_back(top()); break;     // DUP
      case 'c': {                                   // GLOBAL
        auto module = line();
        auto name = line();
        pushGlobal(module, name);
        break;
      }
      case 0x93: {  // STACK_GLOBAL
        const auto name = value(pop());
        const auto module = value(pop());
        if (module.kind != Kind::String || name.kind != Kind::String) fail("STACK_GLOBAL needs two strings");
        pushGlobal(module.text, name.text);
        break;
      }
      case 'Q': { auto pid = pop(); push(persistentLoad(pid)); break; }  // BINPERSID
      case 'R': { auto args = pop(), callable = pop(); reduce(callable, args); break; }  // REDUCE
      case 0x81: { auto args = pop(), cls = pop(); newObject(cls, args); break; }       // NEWOBJ
      case 'b': { auto state = pop(); build(top(), state); break; }                     // BUILD
      case 'i': case 'o': fail("the file instantiates a class by name (INST/OBJ); refused");
      case 0x82: case 0x83: case 0x84: fail("the file uses the copyreg extension registry (EXT); refused");
      case 0x92: fail("the file constructs an object with keyword arguments (NEWOBJ_EX); refused");
      case 'P': fail("text persistent ids are not used by PyTorch; refused");
      case 0x96: case 0x97: case 0x98: fail("out-of-band buffers are not supported");
      default: {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", op);
        fail(std::string("unsupported pickle instruction ") + hex + " (text-protocol pickles and non-pickle data are not read)");
      }
    }
  }

  PickleId memoGet(uint32_t index) {
    const auto it = memo_.find(index);
    if (it == memo_.end()) fail("reference to an unknown memo entry " + std::to_string(index));
    return it->second;
  }

  void appendTo(PickleId target, const std::vector<PickleId>& items) {
    auto& list = value(target);
    if (list.kind != Kind::List) fail("APPEND to a " + std::string(pickleKindName(list.kind)));
    list.items.insert(list.items.end(), items.begin(), items.end());
  }

  void setItems(PickleId target, const std::vector<PickleId>& items) {
    if (value(target).kind != Kind::Dict) fail("SETITEM on a " + std::string(pickleKindName(value(target).kind)));
    if (items.size() % 2) fail("odd number of items for a dictionary");
    auto& index = keyIndex_[target];
    for (size_t i = 0; i < items.size(); i += 2) {
      // Python keeps one entry per key: a repeated key replaces the earlier value.
      const auto& key = value(items[i]);
      std::string identity;
      if (key.kind == Kind::String) identity = "s" + key.text;
      if (key.kind == Kind::Int) identity = "i" + std::to_string(key.integer);
      auto& entries = value(target).entries;
      if (!identity.empty()) {
        const auto [it, inserted] = index.emplace(identity, entries.size());
        if (!inserted) {
          entries[it->second].second = items[i + 1];
          continue;
        }
      }
      entries.emplace_back(items[i], items[i + 1]);
    }
  }

  void pushGlobal(const std::string& module, const std::string& name) {
    // TorchScript archives (torch.jit.save, OpenAI's CLIP .pt files) pickle their modules as
    // instances of compiled classes under "__torch__". Nothing about such a class is run: NEWOBJ
    // makes an empty record and BUILD fills in the attributes the file lists.
    if (module == "__torch__" || module.rfind("__torch__.", 0) == 0) {
      auto v = scalar(Kind::Global);
      v.callable = PickleCallable::ScriptObject;
      v.globalName = module + "." + name;
      push(std::move(v));
      return;
    }
    for (const auto& allowed : kAllowed) {
      if (module == allowed.module && name == allowed.name) {
        auto v = scalar(Kind::Global);
        v.callable = allowed.callable;
        v.dtype = allowed.dtype;
        v.globalName = module + "." + name;
        push(std::move(v));
        return;
      }
    }
    fail("refusing '" + module + "." + name +
         "': a checkpoint may only hold tensors and plain data, and this file asks Python to import other "
         "code (it may be malicious, or it stores objects PanoCast cannot read). Nothing was executed.");
  }

  const PickleValue& expectGlobal(PickleId id, const char* what) {
    const auto& v = value(id);
    if (v.kind != Kind::Global) fail(std::string(what) + " must name a class or function, found a " + pickleKindName(v.kind));
    return v;
  }

  int64_t asInteger(PickleId id, const char* what) {
    const auto& v = value(id);
    if (v.kind == Kind::Int) return v.integer;
    if (v.kind == Kind::Bool) return v.boolean;
    fail(std::string(what) + " must be an integer, found a " + pickleKindName(v.kind));
  }

  std::vector<int64_t> integerTuple(PickleId id, const char* what) {
    const auto& v = value(id);
    if (v.kind != Kind::Tuple && v.kind != Kind::List) fail(std::string(what) + " must be a tuple of integers");
    if (v.items.size() > 64) fail(std::string(what) + " has more than 64 dimensions");
    std::vector<int64_t> out;
    for (auto item : v.items) {
      const auto i = asInteger(item, what);
      if (i < 0) fail(std::string(what) + " has a negative entry");
      out.push_back(i);
    }
    return out;
  }

  // ('storage', StorageClass, key, location, numel[, view_metadata]): how torch.save names the
  // storages it writes beside the pickle.
  PickleValue persistentLoad(PickleId pidId) {
    const auto pid = value(pidId);
    if (pid.kind != Kind::Tuple || pid.items.size() < 5 || pid.items.size() > 6)
      fail("persistent id is not a PyTorch storage reference");
    const auto& tag = value(pid.items[0]);
    if (tag.kind != Kind::String || tag.text != "storage") fail("persistent id is not a PyTorch storage reference");
    const auto& type = expectGlobal(pid.items[1], "the storage type");
    if (type.callable != PickleCallable::StorageType) fail("'" + type.globalName + "' is not a storage type");
    const auto& key = value(pid.items[2]);
    const auto& location = value(pid.items[3]);
    if (key.kind != Kind::String || key.text.empty() || key.text.size() > 256) fail("storage key must be a short string");
    if (location.kind != Kind::String) fail("storage location must be a string");
    const int64_t numel = asInteger(pid.items[4], "storage size");
    if (numel < 0) fail("negative storage size");

    PickleStorageRecord record{key.text, type.dtype, numel, location.text};
    const auto [it, inserted] = doc_.storages.emplace(record.key, record);
    if (!inserted && (it->second.dtype != record.dtype || it->second.numel != record.numel))
      fail("storage '" + record.key + "' is declared twice with different types or sizes");

    auto v = text(Kind::Storage, record.key);
    if (pid.items.size() == 6 && value(pid.items[5]).kind != Kind::None) {
      // Legacy files: a view (view_key, offset, size) into the root storage.
      const auto& view = value(pid.items[5]);
      if (view.kind != Kind::Tuple || view.items.size() != 3) fail("malformed storage view");
      const int64_t offset = asInteger(view.items[1], "storage view offset");
      const int64_t viewSize = asInteger(view.items[2], "storage view size");
      if (offset < 0 || viewSize < 0 || offset > numel || viewSize > numel - offset) fail("storage view outside its storage");
      v.integer = offset;
    }
    return v;
  }

  void reduce(PickleId callableId, PickleId argsId) {
    const auto callable = expectGlobal(callableId, "the called object");
    const auto args = value(argsId);
    if (args.kind != Kind::Tuple) fail("arguments of '" + callable.globalName + "' must be a tuple");
    const auto& a = args.items;
    switch (callable.callable) {
      case PickleCallable::OrderedDict: {
        const auto id = push(scalar(Kind::Dict));
        if (a.size() == 1) {  // OrderedDict([(k, v), ...])
          const auto pairs = value(a[0]);
          if (pairs.kind != Kind::List && pairs.kind != Kind::Tuple) fail("dict() expects a list of pairs");
          for (auto pair : pairs.items) {
            const auto p = value(pair);
            if ((p.kind != Kind::Tuple && p.kind != Kind::List) || p.items.size() != 2) fail("dict() expects pairs");
            setItems(id, {p.items[0], p.items[1]});
          }
        } else if (!a.empty()) {
          fail("dict() with unexpected arguments");
        }
        return;
      }
      case PickleCallable::Set:
      case PickleCallable::List: {
        std::vector<PickleId> items;
        if (a.size() == 1) {
          const auto& source = value(a[0]);
          if (source.kind != Kind::List && source.kind != Kind::Tuple && source.kind != Kind::Set)
            fail("set()/list() expects a sequence");
          items = source.items;
        } else if (!a.empty()) {
          fail("set()/list() with unexpected arguments");
        }
        push(container(callable.callable == PickleCallable::Set ? Kind::Set : Kind::List, items));
        return;
      }
      case PickleCallable::RebuildTensor: push(rebuildTensor(a)); return;
      case PickleCallable::TypeTag: {
        if (a.size() != 2 || value(a[1]).kind != Kind::String) fail("restore_type_tag expects a value and a type name");
        stack_.push_back(a[0]);
        return;
      }
      case PickleCallable::RebuildParameter: {
        if (a.size() < 3 || a.size() > 4) fail("_rebuild_parameter expects 3 or 4 arguments");
        if (value(a[0]).kind != Kind::Tensor) fail("_rebuild_parameter expects a tensor");
        stack_.push_back(a[0]);
        return;
      }
      case PickleCallable::RebuildFromType: {
        // (function, type, args, state): a tensor subclass; only plain tensors and parameters.
        if (a.size() != 4) fail("_rebuild_from_type_v2 expects 4 arguments");
        const auto& type = expectGlobal(a[1], "the tensor type");
        if (type.callable != PickleCallable::TensorClass) fail("tensor type '" + type.globalName + "' is not supported");
        const auto& function = expectGlobal(a[0], "the rebuild function");
        if (function.callable != PickleCallable::RebuildTensor && function.callable != PickleCallable::RebuildParameter)
          fail("'" + function.globalName + "' cannot rebuild a tensor");
        reduce(a[0], a[2]);
        return;
      }
      case PickleCallable::TorchSize: {
        if (a.size() != 1) fail("torch.Size expects one tuple");
        integerTuple(a[0], "torch.Size");  // validates
        push(container(Kind::Tuple, value(a[0]).items));
        return;
      }
      case PickleCallable::TorchDevice: {
        if (a.empty() || a.size() > 2 || value(a[0]).kind != Kind::String) fail("torch.device expects a type name");
        std::string device = value(a[0]).text;
        if (a.size() == 2) device += ":" + std::to_string(asInteger(a[1], "device index"));
        push(text(Kind::String, device));
        return;
      }
      case PickleCallable::Reconstructor: {
        // copyreg._reconstructor(cls, base, state) — protocol-0/1 style construction.
        if (a.size() != 3) fail("_reconstructor expects 3 arguments");
        const auto& cls = expectGlobal(a[0], "the reconstructed class");
        const auto& base = expectGlobal(a[1], "the base class");
        if (base.callable != PickleCallable::ObjectClass && base.callable != PickleCallable::OrderedDict)
          fail("reconstruction from base '" + base.globalName + "' is not supported");
        newObject(a[0], argsId, /*fromReconstructor=*/true);
        if (value(a[2]).kind == Kind::Dict && cls.callable != PickleCallable::NamespaceClass) {
          const auto state = value(a[2]).entries;
          for (const auto& [k, v] : state) setItems(top(), {k, v});
        }
        return;
      }
      case PickleCallable::NumpyDtype: {
        if (a.empty() || value(a[0]).kind != Kind::String) fail("numpy.dtype expects a type code");
        auto v = scalar(Kind::Object);
        v.callable = PickleCallable::NumpyDtype;
        v.globalName = callable.globalName;
        v.text = value(a[0]).text;
        push(std::move(v));
        return;
      }
      case PickleCallable::NumpyScalar: push(numpyScalar(a)); return;
      default:
        fail("'" + callable.globalName + "' may not be called");
    }
  }

  PickleValue rebuildTensor(const std::vector<PickleId>& a) {
    if (a.size() < 4 || a.size() > 7) fail("_rebuild_tensor expects 4 to 7 arguments");
    const auto& storage = value(a[0]);
    if (storage.kind != Kind::Storage) fail("a tensor must be built on a storage");
    PickleValue v = scalar(Kind::Tensor);
    v.tensor.storageKey = storage.text;
    v.tensor.storageOffset = asInteger(a[1], "storage offset");
    if (v.tensor.storageOffset < 0 || v.tensor.storageOffset > (int64_t(1) << 48)) fail("storage offset out of range");
    v.tensor.storageOffset += storage.integer;  // legacy views start inside their root storage
    v.tensor.sizes = integerTuple(a[2], "tensor size");
    v.tensor.strides = integerTuple(a[3], "tensor stride");
    if (v.tensor.sizes.size() != v.tensor.strides.size()) fail("tensor size and stride differ in length");
    return v;
  }

  PickleValue numpyScalar(const std::vector<PickleId>& a) {
    if (a.size() != 2) fail("numpy scalar expects a dtype and bytes");
    const auto& dtype = value(a[0]);
    const auto& raw = value(a[1]);
    if (dtype.kind != Kind::Object || dtype.callable != PickleCallable::NumpyDtype ||
        (raw.kind != Kind::Bytes && raw.kind != Kind::String))
      fail("malformed numpy scalar");
    if (dtype.integer == '>') fail("big-endian numpy scalars are not supported");
    const std::string& code = dtype.text;
    const std::string& b = raw.text;
    auto bits = [&](size_t n) {
      if (b.size() != n) fail("numpy scalar of type " + code + " has " + std::to_string(b.size()) + " bytes");
      uint64_t u = 0;
      for (size_t i = 0; i < n; ++i) u |= uint64_t(uint8_t(b[i])) << (8 * i);
      return u;
    };
    if (code == "f8") {
      auto v = scalar(Kind::Float);
      const uint64_t u = bits(8);
      std::memcpy(&v.real, &u, 8);
      return v;
    }
    if (code == "f4") {
      const auto u = static_cast<uint32_t>(bits(4));
      float f;
      std::memcpy(&f, &u, 4);
      auto v = scalar(Kind::Float);
      v.real = f;
      return v;
    }
    if (code == "i8" || code == "u8") return integer(static_cast<int64_t>(bits(8)));
    if (code == "i4") return integer(static_cast<int32_t>(bits(4)));
    if (code == "u4") return integer(static_cast<int64_t>(bits(4)));
    if (code == "i2") return integer(static_cast<int16_t>(bits(2)));
    if (code == "u2") return integer(static_cast<int64_t>(bits(2)));
    if (code == "i1") return integer(static_cast<int8_t>(bits(1)));
    if (code == "u1") return integer(static_cast<int64_t>(bits(1)));
    if (code == "b1") {
      auto v = scalar(Kind::Bool);
      v.boolean = bits(1) != 0;
      return v;
    }
    fail("numpy scalar type '" + code + "' is not supported");
  }

  // NEWOBJ (cls.__new__(cls, *args)) for the few plain-data classes; also the reconstructor.
  void newObject(PickleId clsId, PickleId argsId, bool fromReconstructor = false) {
    const auto& cls = expectGlobal(clsId, "the instantiated class");
    if (!fromReconstructor) {
      const auto& args = value(argsId);
      if (args.kind != Kind::Tuple) fail("arguments of '" + cls.globalName + "' must be a tuple");
    }
    switch (cls.callable) {
      case PickleCallable::OrderedDict:
      case PickleCallable::DictClass: {
        auto v = scalar(Kind::Dict);
        v.globalName = cls.globalName;
        push(std::move(v));
        return;
      }
      case PickleCallable::NamespaceClass:
      case PickleCallable::ScriptObject: {
        auto v = scalar(Kind::Object);
        v.callable = cls.callable;
        v.globalName = cls.globalName;
        push(std::move(v));
        return;
      }
      case PickleCallable::Set: push(container(Kind::Set)); return;
      case PickleCallable::List: push(container(Kind::List)); return;
      default: fail("'" + cls.globalName + "' may not be instantiated");
    }
  }

  // BUILD: obj.__setstate__(state) or obj.__dict__.update(state). Plain data only.
  void build(PickleId targetId, PickleId stateId) {
    auto& target = value(targetId);
    const auto& state = value(stateId);
    switch (target.kind) {
      case Kind::Dict:    // attributes of a dict (state_dict's _metadata, AttributeDict's __dict__)
      case Kind::Tensor:  // parameter state (requires_grad and hooks)
        return;
      case Kind::Object:
        if ((target.callable == PickleCallable::NamespaceClass || target.callable == PickleCallable::ScriptObject) &&
            state.kind == Kind::Dict) {
          const auto entries = state.entries;
          value(targetId).entries.insert(value(targetId).entries.end(), entries.begin(), entries.end());
          return;
        }
        if (target.callable == PickleCallable::NumpyDtype && state.kind == Kind::Tuple && state.items.size() >= 2) {
          const auto& order = value(state.items[1]);
          if (order.kind == Kind::String && !order.text.empty()) value(targetId).integer = order.text[0];  // '<' '>' '|' '='
          return;
        }
        break;
      default:
        break;
    }
    fail(std::string("cannot set the state of a ") + pickleKindName(target.kind));
  }

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  size_t opStart_ = 0;
  PickleDocument doc_;
  std::vector<PickleId> stack_;
  std::vector<size_t> marks_;
  std::unordered_map<uint32_t, PickleId> memo_;
  std::unordered_map<PickleId, std::unordered_map<std::string, size_t>> keyIndex_;  // dict → key → entry
};

}  // namespace

PickleDocument unpickleSafely(const uint8_t* data, size_t size, size_t* consumed) {
  if (data == nullptr || size == 0) throw Error("pickle: no data");
  return Unpickler(data, size).run(consumed);
}

}  // namespace panocast
