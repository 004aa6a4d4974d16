#include "io/tflite_model.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>

#include "runtime/error.h"

namespace panocast {
namespace {

static_assert(std::endian::native == std::endian::little, "the TFLite reader assumes a little-endian host");

// Direct table access to the flatbuffer (live.md §2.1): no generated code, every read checked.
class FlatbufferReader {
 public:
  struct Table {
    uint64_t pos = 0;        // where the table's soffset sits
    uint64_t vtable = 0;
    uint16_t vtableSize = 0;
    uint16_t tableSize = 0;
    const char* kind = "";   // "Model", "Tensor", ... for messages
  };
  struct Vector {
    uint64_t start = 0;      // first element
    uint32_t count = 0;
  };

  FlatbufferReader(const uint8_t* data, size_t size, const std::string& what)
      : data_(data), size_(size), what_(what),
        // Flatbuffers may point many times at one object (a DAG), so a small file could expand
        // into a huge parse. Every object read is charged; honest files stay far below this.
        budget_(32 * static_cast<uint64_t>(size) + 65536) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw Error(what_ + ": malformed TFLite model: " + message);
  }

  void charge(uint64_t units) {
    used_ += units;
    if (used_ > budget_) fail("it references the same data far more often than a model can (" +
                              std::to_string(size_) + " bytes)");
  }

  template <typename T>
  T scalar(uint64_t pos, const char* what) const {
    if (pos > size_ || sizeof(T) > size_ - pos)
      fail(std::string(what) + " at byte " + std::to_string(pos) + " lies outside the file (" +
           std::to_string(size_) + " bytes)");
    T value;
    std::memcpy(&value, data_ + pos, sizeof(T));
    return value;
  }

  // Follows a u32 reference stored at `pos`; references are relative to their own position.
  uint64_t follow(uint64_t pos, const char* what) const {
    const uint64_t target = pos + scalar<uint32_t>(pos, what);
    if (target >= size_)
      fail(std::string(what) + " points to byte " + std::to_string(target) + ", past the end of the file (" +
           std::to_string(size_) + " bytes)");
    return target;
  }

  Table table(uint64_t pos, const char* kind) {
    charge(16);
    Table t;
    t.pos = pos;
    t.kind = kind;
    const int64_t vtable = static_cast<int64_t>(pos) - scalar<int32_t>(pos, kind);
    if (vtable < 0 || static_cast<uint64_t>(vtable) > size_ - std::min<uint64_t>(size_, 4))
      fail(std::string("the vtable of a ") + kind + " table lies outside the file");
    t.vtable = static_cast<uint64_t>(vtable);
    t.vtableSize = scalar<uint16_t>(t.vtable, kind);
    t.tableSize = scalar<uint16_t>(t.vtable + 2, kind);
    if (t.vtableSize < 4 || t.vtableSize % 2 != 0 || t.vtable + t.vtableSize > size_)
      fail(std::string("a ") + kind + " vtable has an invalid size (" + std::to_string(t.vtableSize) + ")");
    if (t.tableSize < 4 || pos + t.tableSize > size_)
      fail(std::string("a ") + kind + " table has an invalid size (" + std::to_string(t.tableSize) + ")");
    return t;
  }

  // Position of field `id` (0 when absent), checked to lie inside its table.
  uint64_t field(const Table& t, int id, size_t fieldSize) const {
    const uint64_t entry = 4 + 2 * static_cast<uint64_t>(id);
    if (entry + 2 > t.vtableSize) return 0;
    const uint16_t offset = scalar<uint16_t>(t.vtable + entry, t.kind);
    if (offset == 0) return 0;
    if (offset < 4 || offset + fieldSize > t.tableSize)
      fail(std::string("field ") + std::to_string(id) + " of a " + t.kind + " table lies outside the table");
    return t.pos + offset;
  }

  template <typename T>
  T get(const Table& t, int id, T fallback) const {
    const uint64_t pos = field(t, id, sizeof(T));
    return pos ? scalar<T>(pos, t.kind) : fallback;
  }

  std::optional<Table> subtable(const Table& t, int id, const char* kind) {
    const uint64_t pos = field(t, id, 4);
    if (!pos) return std::nullopt;
    return table(follow(pos, kind), kind);
  }

  Vector vector(const Table& t, int id, size_t elementSize, const char* what) {
    const uint64_t pos = field(t, id, 4);
    if (!pos) return {};
    const uint64_t at = follow(pos, what);
    Vector v;
    v.count = scalar<uint32_t>(at, what);
    v.start = at + 4;
    if (v.start > size_ || static_cast<uint64_t>(v.count) * elementSize > size_ - v.start)
      fail(std::string(what) + " claims " + std::to_string(v.count) + " elements, more than the file holds");
    charge(v.count);
    return v;
  }

  Table tableAt(const Vector& v, uint32_t i, const char* kind) { return table(follow(v.start + 4 * uint64_t(i), kind), kind); }

  template <typename T>
  T elementAt(const Vector& v, uint32_t i, const char* what) const {
    return scalar<T>(v.start + sizeof(T) * uint64_t(i), what);
  }

  std::string string(const Table& t, int id, const char* what) {
    const Vector v = vector(t, id, 1, what);
    return std::string(reinterpret_cast<const char*>(data_ + v.start), v.count);
  }

  size_t size() const { return size_; }
  const uint8_t* data() const { return data_; }

 private:
  const uint8_t* data_;
  size_t size_;
  std::string what_;
  uint64_t budget_;
  uint64_t used_ = 0;
};

using Table = FlatbufferReader::Table;

// Bytes per element; 0 where the size is not a whole number of bytes or not fixed.
uint64_t itemSize(TfliteType type) {
  switch (type) {
    case TfliteType::Bool: case TfliteType::Int8: case TfliteType::UInt8: return 1;
    case TfliteType::Float16: case TfliteType::Int16: case TfliteType::UInt16: case TfliteType::BFloat16: return 2;
    case TfliteType::Float32: case TfliteType::Int32: case TfliteType::UInt32: return 4;
    case TfliteType::Float64: case TfliteType::Int64: case TfliteType::UInt64: case TfliteType::Complex64: return 8;
    case TfliteType::Complex128: return 16;
    default: return 0;  // STRING, RESOURCE, VARIANT, INT4
  }
}

std::string describeShape(const std::vector<int64_t>& shape) {
  std::string out = "[";
  for (size_t i = 0; i < shape.size(); ++i) out += (i ? "," : "") + std::to_string(shape[i]);
  return out + "]";
}

TflitePadding readPadding(FlatbufferReader& r, const Table& t, int id) {
  const int8_t value = r.get<int8_t>(t, id, 0);
  if (value != 0 && value != 1) r.fail("unknown padding " + std::to_string(value));
  return static_cast<TflitePadding>(value);
}

TfliteActivation readActivation(FlatbufferReader& r, const Table& t, int id) {
  const int8_t value = r.get<int8_t>(t, id, 0);
  if (value < 0 || value > 5) r.fail("unknown fused activation " + std::to_string(value));
  return static_cast<TfliteActivation>(value);
}

// Builtin options of the operators the graph supports (live.md §2.4); other option tables are
// not interpreted, so their contents cannot matter.
TfliteOptions readOptions(FlatbufferReader& r, const Table& op) {
  TfliteOptions o;
  o.optionsType = r.get<uint8_t>(op, 3, 0);
  const auto t = r.subtable(op, 4, "builtin options");
  if (!t) return o;
  switch (o.optionsType) {
    case 1:  // Conv2DOptions
      o.padding = readPadding(r, *t, 0);
      o.strideW = r.get<int32_t>(*t, 1, 0);
      o.strideH = r.get<int32_t>(*t, 2, 0);
      o.activation = readActivation(r, *t, 3);
      o.dilationW = r.get<int32_t>(*t, 4, 1);
      o.dilationH = r.get<int32_t>(*t, 5, 1);
      break;
    case 2:  // DepthwiseConv2DOptions
      o.padding = readPadding(r, *t, 0);
      o.strideW = r.get<int32_t>(*t, 1, 0);
      o.strideH = r.get<int32_t>(*t, 2, 0);
      o.depthMultiplier = r.get<int32_t>(*t, 3, 0);
      o.activation = readActivation(r, *t, 4);
      o.dilationW = r.get<int32_t>(*t, 5, 1);
      o.dilationH = r.get<int32_t>(*t, 6, 1);
      break;
    case 5:  // Pool2DOptions
      o.padding = readPadding(r, *t, 0);
      o.strideW = r.get<int32_t>(*t, 1, 0);
      o.strideH = r.get<int32_t>(*t, 2, 0);
      o.filterW = r.get<int32_t>(*t, 3, 0);
      o.filterH = r.get<int32_t>(*t, 4, 0);
      o.activation = readActivation(r, *t, 5);
      break;
    case 11:  // AddOptions
    case 21:  // MulOptions
      o.activation = readActivation(r, *t, 0);
      break;
    case 15:  // ResizeBilinearOptions (0 and 1 are the deprecated new_height/new_width)
      o.alignCorners = r.get<uint8_t>(*t, 2, 0) != 0;
      o.halfPixelCenters = r.get<uint8_t>(*t, 3, 0) != 0;
      break;
    case 27:  // ReducerOptions
      o.keepDims = r.get<uint8_t>(*t, 0, 0) != 0;
      break;
    default:
      break;
  }
  return o;
}

std::vector<int32_t> readIndices(FlatbufferReader& r, const Table& t, int id, const char* what, size_t tensorCount,
                                 bool allowAbsent) {
  const auto v = r.vector(t, id, 4, what);
  std::vector<int32_t> out(v.count);
  for (uint32_t i = 0; i < v.count; ++i) {
    const int32_t index = r.elementAt<int32_t>(v, i, what);
    if (!(allowAbsent && index == -1) && (index < 0 || static_cast<uint64_t>(index) >= tensorCount))
      r.fail(std::string(what) + " refers to tensor " + std::to_string(index) + ", but the subgraph has " +
             std::to_string(tensorCount) + " tensors");
    out[i] = index;
  }
  return out;
}

TfliteTensor readTensor(FlatbufferReader& r, const Table& t, size_t index, const std::vector<TfliteBuffer>& buffers) {
  TfliteTensor tensor;
  tensor.name = r.string(t, 3, "tensor name");
  const std::string label = "tensor " + std::to_string(index) + " ('" + tensor.name + "')";
  const auto shape = r.vector(t, 0, 4, "tensor shape");
  uint64_t elements = 1;
  for (uint32_t i = 0; i < shape.count; ++i) {
    const int32_t dim = r.elementAt<int32_t>(shape, i, "tensor shape");
    if (dim < 0) r.fail(label + " has a negative dimension " + std::to_string(dim));
    if (__builtin_mul_overflow(elements, static_cast<uint64_t>(dim), &elements) || elements > (uint64_t{1} << 48))
      r.fail(label + " has a shape too large to hold");
    tensor.shape.push_back(dim);
  }
  const int8_t type = r.get<int8_t>(t, 1, 0);
  if (type < 0 || type > 18) r.fail(label + " has unknown type " + std::to_string(type));
  tensor.type = static_cast<TfliteType>(type);
  tensor.buffer = r.get<uint32_t>(t, 2, 0);
  if (tensor.buffer >= buffers.size())
    r.fail(label + " refers to buffer " + std::to_string(tensor.buffer) + ", but the model has " +
           std::to_string(buffers.size()) + " buffers");
  tensor.hasQuantization = r.field(t, 4, 4) != 0;
  const uint64_t bytes = buffers[tensor.buffer].size;
  const uint64_t item = itemSize(tensor.type);
  if (bytes != 0 && item != 0 && bytes != elements * item)
    r.fail(label + " has " + std::to_string(bytes) + " bytes of data, but its shape " + describeShape(tensor.shape) +
           " of " + tfliteTypeName(tensor.type) + " needs " + std::to_string(elements * item));
  r.charge(tensor.name.size() + tensor.shape.size() * 8);
  return tensor;
}

TfliteSubgraph readSubgraph(FlatbufferReader& r, const Table& t, const std::vector<TfliteOperatorCode>& codes,
                            const std::vector<TfliteBuffer>& buffers) {
  TfliteSubgraph g;
  g.name = r.string(t, 4, "subgraph name");
  const auto tensors = r.vector(t, 0, 4, "tensor list");
  g.tensors.reserve(tensors.count);
  for (uint32_t i = 0; i < tensors.count; ++i) g.tensors.push_back(readTensor(r, r.tableAt(tensors, i, "Tensor"), i, buffers));
  g.inputs = readIndices(r, t, 1, "the subgraph's input list", g.tensors.size(), false);
  g.outputs = readIndices(r, t, 2, "the subgraph's output list", g.tensors.size(), false);
  const auto ops = r.vector(t, 3, 4, "operator list");
  g.operators.reserve(ops.count);
  for (uint32_t i = 0; i < ops.count; ++i) {
    const Table o = r.tableAt(ops, i, "Operator");
    TfliteOperator op;
    op.opcodeIndex = r.get<uint32_t>(o, 0, 0);
    if (op.opcodeIndex >= codes.size())
      r.fail("operator " + std::to_string(i) + " uses op code " + std::to_string(op.opcodeIndex) + ", but the model has " +
             std::to_string(codes.size()));
    op.builtinCode = codes[op.opcodeIndex].builtinCode;
    const std::string label = "operator " + std::to_string(i) + " (" + tfliteOperatorName(op.builtinCode) + ")";
    op.inputs = readIndices(r, o, 1, (label + " input").c_str(), g.tensors.size(), true);
    op.outputs = readIndices(r, o, 2, (label + " output").c_str(), g.tensors.size(), false);
    op.options = readOptions(r, o);
    const auto custom = r.vector(o, 5, 1, "custom options");
    op.customOptionsOffset = custom.start;
    op.customOptionsSize = custom.count;
    g.operators.push_back(std::move(op));
  }
  return g;
}

std::span<const uint8_t> bufferSpan(const TfliteModel& model, const TfliteTensor& tensor) {
  if (!model.bytes || tensor.buffer >= model.buffers.size()) throw Error(model.source + ": tensor '" + tensor.name + "' has no valid buffer");
  const TfliteBuffer& b = model.buffers[tensor.buffer];
  if (b.offset > model.bytes->size() || b.size > model.bytes->size() - b.offset)
    throw Error(model.source + ": the data of tensor '" + tensor.name + "' lies outside the file");
  return {model.bytes->data() + b.offset, static_cast<size_t>(b.size)};
}

uint64_t elementCount(const TfliteTensor& tensor) {
  uint64_t n = 1;
  for (int64_t d : tensor.shape) n *= static_cast<uint64_t>(d);
  return n;
}

}  // namespace

const char* tfliteTypeName(TfliteType type) {
  static const char* const names[] = {"FLOAT32", "FLOAT16", "INT32",   "UINT8",  "INT64",    "STRING", "BOOL",
                                      "INT16",   "COMPLEX64", "INT8",  "FLOAT64", "COMPLEX128", "UINT64",
                                      "RESOURCE", "VARIANT", "UINT32", "UINT16", "INT4", "BFLOAT16"};
  const int i = static_cast<int>(type);
  return i >= 0 && i < static_cast<int>(std::size(names)) ? names[i] : "unknown type";
}

std::string tfliteOperatorName(int code) {
  switch (code) {
    case tflite_op::Add: return "ADD";
    case tflite_op::AveragePool2D: return "AVERAGE_POOL_2D";
    case tflite_op::Concatenation: return "CONCATENATION";
    case tflite_op::Conv2D: return "CONV_2D";
    case tflite_op::DepthwiseConv2D: return "DEPTHWISE_CONV_2D";
    case tflite_op::Dequantize: return "DEQUANTIZE";
    case 9: return "FULLY_CONNECTED";
    case tflite_op::Logistic: return "LOGISTIC";
    case tflite_op::MaxPool2D: return "MAX_POOL_2D";
    case tflite_op::Mul: return "MUL";
    case tflite_op::Relu: return "RELU";
    case tflite_op::ReluN1To1: return "RELU_N1_TO_1";
    case tflite_op::Relu6: return "RELU6";
    case tflite_op::Reshape: return "RESHAPE";
    case tflite_op::ResizeBilinear: return "RESIZE_BILINEAR";
    case 25: return "SOFTMAX";
    case tflite_op::Tanh: return "TANH";
    case tflite_op::Custom: return "CUSTOM";
    case 34: return "PAD";
    case tflite_op::Mean: return "MEAN";
    case 41: return "SUB";
    case 67: return "TRANSPOSE_CONV";
    case 97: return "RESIZE_NEAREST_NEIGHBOR";
    case tflite_op::HardSwish: return "HARD_SWISH";
    default: return "builtin operator " + std::to_string(code);
  }
}

std::string TfliteModel::operatorName(const TfliteOperator& op) const {
  if (op.builtinCode == tflite_op::Custom && op.opcodeIndex < operatorCodes.size())
    return "custom operator '" + operatorCodes[op.opcodeIndex].customCode + "'";
  return tfliteOperatorName(op.builtinCode);
}

bool TfliteModel::isConstant(const TfliteTensor& tensor) const {
  return tensor.buffer != 0 && tensor.buffer < buffers.size() && buffers[tensor.buffer].size != 0;
}

std::span<const uint8_t> TfliteModel::data(const TfliteTensor& tensor) const { return bufferSpan(*this, tensor); }

std::span<const uint8_t> TfliteModel::customOptions(const TfliteOperator& op) const {
  if (!bytes || op.customOptionsOffset > bytes->size() || op.customOptionsSize > bytes->size() - op.customOptionsOffset)
    throw Error(source + ": custom options lie outside the file");
  return {bytes->data() + op.customOptionsOffset, static_cast<size_t>(op.customOptionsSize)};
}

std::vector<float> TfliteModel::floatData(const TfliteTensor& tensor) const {
  const auto raw = data(tensor);
  const uint64_t n = elementCount(tensor);
  const uint64_t item = itemSize(tensor.type);
  const bool supported = tensor.type == TfliteType::Float32 || tensor.type == TfliteType::Float16 ||
                         tensor.type == TfliteType::Int32;
  if (!supported)
    throw Error(source + ": constant tensor '" + tensor.name + "' has type " + tfliteTypeName(tensor.type) +
                "; only FLOAT32, FLOAT16 and INT32 constants are supported");
  if (raw.size() != n * item)
    throw Error(source + ": constant tensor '" + tensor.name + "' has " + std::to_string(raw.size()) +
                " bytes, its shape needs " + std::to_string(n * item));
  std::vector<float> out(n);
  for (uint64_t i = 0; i < n; ++i) {
    const uint8_t* p = raw.data() + i * item;
    if (tensor.type == TfliteType::Float32) {
      std::memcpy(&out[i], p, 4);
    } else if (tensor.type == TfliteType::Float16) {
      uint16_t h;
      std::memcpy(&h, p, 2);
      out[i] = halfToFloat(h);
    } else {
      int32_t v;
      std::memcpy(&v, p, 4);
      out[i] = static_cast<float>(v);
    }
  }
  return out;
}

std::vector<int64_t> TfliteModel::intData(const TfliteTensor& tensor) const {
  const auto raw = data(tensor);
  if (tensor.type != TfliteType::Int32 && tensor.type != TfliteType::Int64)
    throw Error(source + ": constant tensor '" + tensor.name + "' has type " + tfliteTypeName(tensor.type) +
                ", expected INT32 or INT64");
  const uint64_t n = elementCount(tensor);
  const uint64_t item = itemSize(tensor.type);
  if (raw.size() != n * item)
    throw Error(source + ": constant tensor '" + tensor.name + "' has " + std::to_string(raw.size()) +
                " bytes, its shape needs " + std::to_string(n * item));
  std::vector<int64_t> out(n);
  for (uint64_t i = 0; i < n; ++i) {
    if (item == 4) {
      int32_t v;
      std::memcpy(&v, raw.data() + 4 * i, 4);
      out[i] = v;
    } else {
      std::memcpy(&out[i], raw.data() + 8 * i, 8);
    }
  }
  return out;
}

float halfToFloat(uint16_t half) {
  const uint32_t sign = static_cast<uint32_t>(half & 0x8000) << 16;
  const uint32_t exponent = (half >> 10) & 0x1F;
  const uint32_t mantissa = half & 0x3FF;
  if (exponent == 0) {
    // Zero or subnormal: mantissa · 2^-24, exact in float.
    const float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
    return sign ? -magnitude : magnitude;
  }
  const uint32_t bits = exponent == 0x1F ? sign | 0x7F800000u | (mantissa << 13)
                                         : sign | ((exponent + 112) << 23) | (mantissa << 13);
  return std::bit_cast<float>(bits);
}

TfliteModel parseTfliteModel(const uint8_t* data, size_t size, const std::string& what) {
  FlatbufferReader r(data, size, what);
  if (size < 8) r.fail("the file is " + std::to_string(size) + " bytes long, too short for a header");
  if (std::memcmp(data + 4, "TFL3", 4) != 0) r.fail("the file identifier is not 'TFL3' (not a TFLite model?)");
  const Table model = r.table(r.follow(0, "the root table"), "Model");

  TfliteModel m;
  m.source = what;
  m.version = r.get<uint32_t>(model, 0, 0);
  if (m.version != 3) r.fail("schema version " + std::to_string(m.version) + " (only version 3 is supported)");
  m.description = r.string(model, 3, "model description");

  const auto codes = r.vector(model, 1, 4, "operator code list");
  for (uint32_t i = 0; i < codes.count; ++i) {
    const Table c = r.tableAt(codes, i, "OperatorCode");
    TfliteOperatorCode code;
    // The deprecated i8 field saturates at 127 (PLACEHOLDER_FOR_GREATER_OP_CODES); the real code
    // of newer ops lives in builtin_code.
    code.builtinCode = std::max<int>(r.get<int8_t>(c, 0, 0), r.get<int32_t>(c, 3, 0));
    if (code.builtinCode < 0) r.fail("op code " + std::to_string(i) + " has a negative builtin code");
    code.customCode = r.string(c, 1, "custom op name");
    m.operatorCodes.push_back(std::move(code));
  }

  const auto buffers = r.vector(model, 4, 4, "buffer list");
  for (uint32_t i = 0; i < buffers.count; ++i) {
    const Table b = r.tableAt(buffers, i, "Buffer");
    TfliteBuffer buffer;
    const uint64_t offset = r.get<uint64_t>(b, 1, 0);
    if (offset > 1) {
      // Models over 2 GB keep data outside the flatbuffer, addressed from the start of the file.
      const uint64_t bytes = r.get<uint64_t>(b, 2, 0);
      if (offset > size || bytes > size - offset)
        r.fail("buffer " + std::to_string(i) + " lies outside the file");
      buffer = {offset, bytes};
    } else {
      const auto v = r.vector(b, 0, 1, "buffer data");
      buffer = {v.start, v.count};
    }
    m.buffers.push_back(buffer);
  }

  const auto subgraphs = r.vector(model, 2, 4, "subgraph list");
  if (subgraphs.count == 0) r.fail("the model has no subgraph");
  for (uint32_t i = 0; i < subgraphs.count; ++i)
    m.subgraphs.push_back(readSubgraph(r, r.tableAt(subgraphs, i, "SubGraph"), m.operatorCodes, m.buffers));

  m.bytes = std::make_shared<const std::vector<uint8_t>>(data, data + size);
  return m;
}

TfliteModel readTfliteModel(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw Error(path.string() + ": no such model file" +
                (path.extension() == ".tflite" ? " (run scripts/setup.sh to fetch the MediaPipe models)" : ""));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string() + ": cannot open");
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(path.string() + ": read error");
  return parseTfliteModel(bytes.data(), bytes.size(), path.string());
}

}  // namespace panocast
