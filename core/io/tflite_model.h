#pragma once
// A TensorFlow Lite model (.tflite flatbuffer) read without the TFLite runtime: tensors,
// operators and their options, as plain values. Free of LibTorch so that it can be fuzzed on
// its own (tests/fuzz). The files come from outside, so every offset, length and index is
// checked against the buffer before use; a malformed file throws panocast::Error.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace panocast {

// TFLite's TensorType enum (schema values).
enum class TfliteType : int8_t {
  Float32 = 0, Float16 = 1, Int32 = 2, UInt8 = 3, Int64 = 4, String = 5, Bool = 6, Int16 = 7,
  Complex64 = 8, Int8 = 9, Float64 = 10, Complex128 = 11, UInt64 = 12, Resource = 13, Variant = 14,
  UInt32 = 15, UInt16 = 16, Int4 = 17, BFloat16 = 18,
};
const char* tfliteTypeName(TfliteType type);

// The BuiltinOperator codes this project knows by name (schema values); others keep their number.
namespace tflite_op {
constexpr int Add = 0, AveragePool2D = 1, Concatenation = 2, Conv2D = 3, DepthwiseConv2D = 4, Dequantize = 6,
              Logistic = 14, MaxPool2D = 17, Mul = 18, Relu = 19, ReluN1To1 = 20, Relu6 = 21, Reshape = 22,
              ResizeBilinear = 23, Tanh = 28, Custom = 32, Mean = 40, HardSwish = 117;
}
// "CONV_2D", or "builtin operator 42" for codes without a name here.
std::string tfliteOperatorName(int builtinCode);

// Schema enums used in options.
enum class TflitePadding : int8_t { Same = 0, Valid = 1 };
enum class TfliteActivation : int8_t { None = 0, Relu = 1, ReluN1To1 = 2, Relu6 = 3, Tanh = 4, SignBit = 5 };

// The union of the builtin options of the supported operators: one flat struct, since every op
// reads a few fields and the defaults are the schema's.
struct TfliteOptions {
  int optionsType = 0;                 // BuiltinOptions union tag (0 = none)
  TflitePadding padding = TflitePadding::Same;
  int strideW = 0, strideH = 0;
  int dilationW = 1, dilationH = 1;
  int filterW = 0, filterH = 0;        // Pool2DOptions
  int depthMultiplier = 0;             // DepthwiseConv2DOptions
  TfliteActivation activation = TfliteActivation::None;
  bool alignCorners = false, halfPixelCenters = false;  // ResizeBilinearOptions
  bool keepDims = false;               // ReducerOptions
};

struct TfliteTensor {
  std::string name;
  std::vector<int64_t> shape;
  TfliteType type = TfliteType::Float32;
  uint32_t buffer = 0;                 // index into TfliteModel::buffers; 0 = the empty sentinel
  bool hasQuantization = false;        // a quantization table is present (not interpreted)
};

struct TfliteOperatorCode {
  int builtinCode = 0;                 // max(deprecated_builtin_code, builtin_code)
  std::string customCode;              // for builtinCode == CUSTOM
};

struct TfliteOperator {
  uint32_t opcodeIndex = 0;            // into TfliteModel::operatorCodes (validated)
  int builtinCode = 0;                 // copied from the op code for convenience
  std::vector<int32_t> inputs;         // tensor indices; -1 = an absent optional input
  std::vector<int32_t> outputs;
  TfliteOptions options;
  uint64_t customOptionsOffset = 0, customOptionsSize = 0;  // raw bytes in TfliteModel::bytes
};

struct TfliteSubgraph {
  std::string name;
  std::vector<TfliteTensor> tensors;
  std::vector<int32_t> inputs, outputs;
  std::vector<TfliteOperator> operators;  // stored in execution order
};

// A byte range of the file holding a constant's data (empty for the sentinel and activations).
struct TfliteBuffer {
  uint64_t offset = 0, size = 0;
};

struct TfliteModel {
  std::string source;                  // file name (or what the caller called it), for messages
  uint32_t version = 0;
  std::string description;
  std::vector<TfliteOperatorCode> operatorCodes;
  std::vector<TfliteSubgraph> subgraphs;  // at least one; the first is the main graph
  std::vector<TfliteBuffer> buffers;
  // The whole file. Buffers and custom options point into it instead of being copied, because a
  // flatbuffer may reference one large vector many times.
  std::shared_ptr<const std::vector<uint8_t>> bytes;

  const TfliteSubgraph& mainGraph() const { return subgraphs.front(); }
  const std::string& customCode(const TfliteOperator& op) const { return operatorCodes[op.opcodeIndex].customCode; }
  // "CONV_2D" or the custom code name.
  std::string operatorName(const TfliteOperator& op) const;

  // Whether the tensor has constant data (its buffer is non-empty).
  bool isConstant(const TfliteTensor& tensor) const;
  std::span<const uint8_t> data(const TfliteTensor& tensor) const;
  std::span<const uint8_t> customOptions(const TfliteOperator& op) const;
  // Constant data as float32: FLOAT32 as is, FLOAT16 converted, INT32 cast. Other types (quantized
  // integers and the like) throw: neither selfie model needs them.
  std::vector<float> floatData(const TfliteTensor& tensor) const;
  // Constant INT32 or INT64 data (sizes, axes); throws for other types.
  std::vector<int64_t> intData(const TfliteTensor& tensor) const;
};

// Reads and validates a .tflite file. Throws panocast::Error naming the file and the problem.
TfliteModel readTfliteModel(const std::filesystem::path& path);
// Parses a model held in memory (`size` bytes; copied). `what` names it in messages. Exposed for
// tests and fuzzing.
TfliteModel parseTfliteModel(const uint8_t* data, size_t size, const std::string& what);

// IEEE binary16 → binary32, exact (subnormals, infinities and NaN included).
float halfToFloat(uint16_t half);

}  // namespace panocast
