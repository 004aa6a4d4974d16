#include "nn/tflite_graph.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include "runtime/error.h"
#include "runtime/torch_errors.h"

namespace panocast {
namespace {

using Values = std::vector<at::Tensor>;

// TFLite layout ↔ the internal one: only 4-D tensors differ (NHWC outside, NCHW inside, which is
// what LibTorch's convolutions want).
at::Tensor toInternal(const at::Tensor& t) { return t.dim() == 4 ? t.permute({0, 3, 1, 2}).contiguous() : t; }
at::Tensor toTflite(const at::Tensor& t) { return t.dim() == 4 ? t.permute({0, 2, 3, 1}).contiguous() : t; }

// TFLite broadcasts by aligning trailing NHWC dimensions, so a lower-rank operand of a 4-D one
// ([C] or [1,1,C]) is left-padded to rank 4 in NHWC before channels move to dimension 1.
at::Tensor asInternal4d(const at::Tensor& t) {
  std::vector<int64_t> shape(4 - t.dim(), 1);
  for (int64_t d : t.sizes()) shape.push_back(d);
  return t.reshape(shape).permute({0, 3, 1, 2});
}

std::pair<at::Tensor, at::Tensor> broadcastable(const at::Tensor& a, const at::Tensor& b) {
  if (a.dim() == 4 && b.dim() < 4) return {a, asInternal4d(b)};
  if (b.dim() == 4 && a.dim() < 4) return {asInternal4d(a), b};
  return {a, b};
}

at::Tensor activate(at::Tensor x, TfliteActivation activation) {
  switch (activation) {
    case TfliteActivation::None: return x;
    case TfliteActivation::Relu: return x.clamp_min_(0);
    case TfliteActivation::ReluN1To1: return x.clamp_(-1, 1);
    case TfliteActivation::Relu6: return x.clamp_(0, 6);
    case TfliteActivation::Tanh: return x.tanh_();
    default: throw Error("unsupported fused activation");  // rejected at load
  }
}

void require4d(const at::Tensor& x) {
  if (x.dim() != 4) throw Error("expects a 4-D input, got " + std::to_string(x.dim()) + "-D");
}

// TFLite's padding: SAME pads the total (out−1)·s + (k−1)·d + 1 − in with ⌊total/2⌋ before and the
// rest after, so a stride-2 3×3 conv on an even size pads 0 before and 1 after (unlike PyTorch).
struct Pad {
  int64_t before = 0, after = 0;
};

Pad computePad(TflitePadding padding, int64_t in, int64_t kernel, int64_t stride, int64_t dilation) {
  if (padding == TflitePadding::Valid) return {};
  const int64_t effective = (kernel - 1) * dilation + 1;
  const int64_t out = (in + stride - 1) / stride;
  const int64_t total = std::max<int64_t>((out - 1) * stride + effective - in, 0);
  return {total / 2, total - total / 2};
}

// Applies the padding: symmetric padding goes to the kernel (`symmetric`), asymmetric padding is
// done explicitly with zeros.
at::Tensor padForKernel(const at::Tensor& x, Pad h, Pad w, std::vector<int64_t>& symmetric) {
  if (h.before == h.after && w.before == w.after) {
    symmetric = {h.before, w.before};
    return x;
  }
  symmetric = {0, 0};
  return at::constant_pad_nd(x, {w.before, w.after, h.before, h.after}, 0);
}

// A value a step reads: a runtime tensor, or a constant already converted and on the device.
struct Operand {
  int tensor = -1;
  at::Tensor constant;
  const at::Tensor& get(const Values& values) const { return constant.defined() ? constant : values[tensor]; }
};

struct Step {
  std::string label;          // "operator 12 (CONV_2D)"
  std::vector<int> reads;     // runtime tensors read, for releasing them after their last use
  std::function<void(Values&)> run;
};

struct Interp {
  at::Tensor lo, hi, weight;
};

// Source rows (or columns) and weights of one axis, computed in float exactly as TFLite's
// reference kernel does (ComputeInterpolationValues).
Interp axisInterpolation(int64_t in, int64_t out, bool alignCorners, bool halfPixelCenters, const c10::Device& device) {
  const float scale = alignCorners && out > 1 ? static_cast<float>(in - 1) / static_cast<float>(out - 1)
                                              : static_cast<float>(in) / static_cast<float>(out);
  std::vector<int64_t> lo(out), hi(out);
  std::vector<float> weight(out);
  for (int64_t o = 0; o < out; ++o) {
    const float src = halfPixelCenters ? (static_cast<float>(o) + 0.5f) * scale - 0.5f : static_cast<float>(o) * scale;
    lo[o] = std::clamp<int64_t>(static_cast<int64_t>(std::floor(src)), 0, in - 1);
    hi[o] = std::clamp<int64_t>(static_cast<int64_t>(std::ceil(src)), 0, in - 1);
    // Below 0 the weight goes negative with lo = hi = 0, which reproduces the edge pixel, as in TFLite.
    weight[o] = src - static_cast<float>(lo[o]);
  }
  const auto longs = torch::TensorOptions().dtype(torch::kInt64);
  return {torch::tensor(lo, longs).to(device), torch::tensor(hi, longs).to(device),
          torch::tensor(weight, torch::TensorOptions().dtype(torch::kFloat32)).to(device)};
}

const char* const kTransposeConvBias = "Convolution2DTransposeBias";

// Turns the operators into steps, checking everything that can be checked before running.
class Lowering {
 public:
  Lowering(const TfliteModel& model, c10::Device device)
      : model_(model), graph_(model.mainGraph()), device_(device), folded_(graph_.tensors.size()),
        produced_(graph_.tensors.size(), false) {}

  std::vector<Step> steps;

  void markInput(int t) {
    if (t < 0 || t >= static_cast<int>(graph_.tensors.size())) fail("a graph input refers to a tensor out of range");
    if (isConstant(t)) fail("graph input '" + graph_.tensors[t].name + "' is a constant");
    produced_[t] = true;
  }

  void lower(size_t index, const TfliteOperator& op) {
    label_ = "operator " + std::to_string(index) + " (" + model_.operatorName(op) + ")";
    // The reader checks indices; a model assembled in code gets the same guarantee here.
    if (op.opcodeIndex >= model_.operatorCodes.size()) failOp("refers to an op code out of range");
    for (int t : op.inputs)
      if (t < -1 || t >= static_cast<int>(graph_.tensors.size())) failOp("refers to a tensor out of range");
    for (int t : op.outputs)
      if (t < 0 || t >= static_cast<int>(graph_.tensors.size())) failOp("refers to a tensor out of range");
    for (int t : op.outputs) {
      if (isConstant(t)) failOp("writes to the constant tensor '" + graph_.tensors[t].name + "'");
      if (produced_[t]) failOp("writes tensor '" + graph_.tensors[t].name + "', which is already written");
    }
    switch (op.builtinCode) {
      case tflite_op::Dequantize: lowerDequantize(op); break;
      case tflite_op::Conv2D: lowerConv(op, false); break;
      case tflite_op::DepthwiseConv2D: lowerConv(op, true); break;
      case tflite_op::AveragePool2D: lowerAveragePool(op); break;
      case tflite_op::Mean: lowerMean(op); break;
      case tflite_op::Add: lowerBinary(op, [](const at::Tensor& a, const at::Tensor& b) { return a + b; }); break;
      case tflite_op::Mul: lowerBinary(op, [](const at::Tensor& a, const at::Tensor& b) { return a * b; }); break;
      case tflite_op::Relu: lowerUnary(op, [](const at::Tensor& x) { return at::relu(x); }); break;
      case tflite_op::Relu6: lowerUnary(op, [](const at::Tensor& x) { return x.clamp(0, 6); }); break;
      case tflite_op::ReluN1To1: lowerUnary(op, [](const at::Tensor& x) { return x.clamp(-1, 1); }); break;
      case tflite_op::Tanh: lowerUnary(op, [](const at::Tensor& x) { return at::tanh(x); }); break;
      case tflite_op::Logistic: lowerUnary(op, [](const at::Tensor& x) { return at::sigmoid(x); }); break;
      // x·relu6(x + 3)/6, TFLite's definition too.
      case tflite_op::HardSwish: lowerUnary(op, [](const at::Tensor& x) { return at::hardswish(x); }); break;
      case tflite_op::ResizeBilinear: lowerResize(op); break;
      case tflite_op::Custom:
        if (model_.customCode(op) == kTransposeConvBias) {
          lowerTransposeConvBias(op);
          break;
        }
        failOp("this custom operator is not supported (only " + std::string(kTransposeConvBias) + " is)");
      default:
        failOp("this operator is not supported by PanoCast's TFLite runner");
    }
    for (int t : op.outputs) produced_[t] = true;
  }

  bool isConstant(int t) const {
    return t >= 0 && (folded_[t].defined() || model_.isConstant(graph_.tensors[t]));
  }

  // A graph output: usually produced by an operator, in principle a constant.
  Operand output(int t) {
    if (t < 0 || t >= static_cast<int>(graph_.tensors.size())) fail("a graph output refers to a tensor out of range");
    if (isConstant(t)) return {-1, toInternal(constant(t, "graph output")).to(device_)};
    if (!produced_[t]) fail("graph output '" + graph_.tensors[t].name + "' is never written");
    return {t, {}};
  }

  [[noreturn]] void fail(const std::string& message) const { throw Error(model_.source + ": " + message); }

 private:
  [[noreturn]] void failOp(const std::string& message) const { fail(label_ + ": " + message); }

  // Constant data in TFLite layout (CPU, fp32): from the file, or folded at load (DEQUANTIZE).
  at::Tensor constant(int t, const std::string& role) {
    if (t < 0) failOp(role + " is missing");
    if (!folded_[t].defined()) {
      const TfliteTensor& tensor = graph_.tensors[t];
      if (!model_.isConstant(tensor)) failOp(role + " ('" + tensor.name + "') must be a constant");
      std::vector<float> values = model_.floatData(tensor);
      folded_[t] = torch::from_blob(values.data(), {static_cast<int64_t>(values.size())}, torch::kFloat32)
                       .clone()
                       .reshape(tensor.shape);
    }
    return folded_[t];
  }

  std::vector<int64_t> intConstant(int t, const std::string& role) {
    if (t < 0) failOp(role + " is missing");
    const TfliteTensor& tensor = graph_.tensors[t];
    if (!model_.isConstant(tensor)) failOp(role + " ('" + tensor.name + "') must be a constant");
    return model_.intData(tensor);
  }

  Operand operand(int t, const std::string& role) {
    if (t < 0) failOp(role + " is missing");
    if (isConstant(t)) return {-1, toInternal(constant(t, role)).to(device_)};
    if (!produced_[t]) failOp("reads tensor '" + graph_.tensors[t].name + "' before any operator writes it");
    return {t, {}};
  }

  void arity(const TfliteOperator& op, size_t minInputs, size_t maxInputs) {
    if (op.inputs.size() < minInputs || op.inputs.size() > maxInputs)
      failOp("has " + std::to_string(op.inputs.size()) + " inputs, expected " + std::to_string(minInputs) +
             (maxInputs != minInputs ? "–" + std::to_string(maxInputs) : std::string()));
    if (op.outputs.size() != 1) failOp("has " + std::to_string(op.outputs.size()) + " outputs, expected 1");
  }

  TfliteActivation activation(const TfliteOptions& options) {
    if (options.activation == TfliteActivation::SignBit) failOp("the SIGN_BIT fused activation is not supported");
    return options.activation;
  }

  void strides(const TfliteOptions& o) {
    if (o.strideW < 1 || o.strideH < 1 || o.dilationW < 1 || o.dilationH < 1)
      failOp("invalid strides or dilation (" + std::to_string(o.strideW) + "," + std::to_string(o.strideH) + " / " +
             std::to_string(o.dilationW) + "," + std::to_string(o.dilationH) + ")");
  }

  void add(std::vector<Operand> reads, std::function<void(Values&)> run) {
    Step step{label_, {}, std::move(run)};
    for (const Operand& r : reads)
      if (!r.constant.defined()) step.reads.push_back(r.tensor);
    steps.push_back(std::move(step));
  }

  void lowerDequantize(const TfliteOperator& op) {
    arity(op, 1, 1);
    const int in = op.inputs[0], out = op.outputs[0];
    if (isConstant(in)) {
      // Every weight of the selfie models goes through here: fold once at load.
      folded_[out] = constant(in, "the input");
      return;
    }
    const Operand x = operand(in, "the input");
    add({x}, [x, out](Values& v) { v[out] = x.get(v).to(torch::kFloat32); });
  }

  void lowerConv(const TfliteOperator& op, bool depthwise) {
    arity(op, 2, 3);
    const TfliteOptions o = op.options;
    strides(o);
    const TfliteActivation act = activation(o);
    const at::Tensor filter = constant(op.inputs[1], "the filter");
    if (filter.dim() != 4) failOp("the filter must be 4-D");
    if (depthwise && filter.size(0) != 1) failOp("a depthwise filter must be [1, kH, kW, C·m]");
    // OHWI → OIHW; depthwise [1, kH, kW, C·m] → [C·m, 1, kH, kW] with one group per input channel.
    const at::Tensor weight =
        (depthwise ? filter.permute({3, 0, 1, 2}) : filter.permute({0, 3, 1, 2})).contiguous().to(device_);
    at::Tensor bias;
    if (op.inputs.size() > 2 && op.inputs[2] >= 0) {
      bias = constant(op.inputs[2], "the bias").reshape({-1}).to(device_);
      if (bias.numel() != weight.size(0)) failOp("the bias does not match the filter's output channels");
    }
    const Operand x = operand(op.inputs[0], "the input");
    const int out = op.outputs[0];
    const int64_t filterIn = filter.size(3);
    const int64_t multiplier = o.depthMultiplier;
    add({x}, [=](Values& v) {
      const at::Tensor& in = x.get(v);
      require4d(in);
      const int64_t channels = in.size(1);
      int64_t groups = 1;
      if (depthwise) {
        groups = channels;
        if (channels == 0 || weight.size(0) % channels != 0 || (multiplier > 0 && weight.size(0) != channels * multiplier))
          throw Error("the filter has " + std::to_string(weight.size(0)) + " channels for an input of " +
                      std::to_string(channels));
      } else {
        // A filter with fewer input channels than the input is a grouped convolution in TFLite.
        if (filterIn == 0 || channels % filterIn != 0)
          throw Error("the filter expects " + std::to_string(filterIn) + " input channels, the input has " +
                      std::to_string(channels));
        groups = channels / filterIn;
      }
      std::vector<int64_t> padding;
      const at::Tensor padded =
          padForKernel(in, computePad(o.padding, in.size(2), weight.size(2), o.strideH, o.dilationH),
                       computePad(o.padding, in.size(3), weight.size(3), o.strideW, o.dilationW), padding);
      v[out] = activate(at::conv2d(padded, weight, bias, {o.strideH, o.strideW}, padding, {o.dilationH, o.dilationW}, groups),
                        act);
    });
  }

  void lowerAveragePool(const TfliteOperator& op) {
    arity(op, 1, 1);
    const TfliteOptions o = op.options;
    strides(o);
    if (o.filterW < 1 || o.filterH < 1) failOp("invalid filter size");
    const TfliteActivation act = activation(o);
    const Operand x = operand(op.inputs[0], "the input");
    const int out = op.outputs[0];
    add({x}, [=](Values& v) {
      const at::Tensor& in = x.get(v);
      require4d(in);
      const Pad h = computePad(o.padding, in.size(2), o.filterH, o.strideH, 1);
      const Pad w = computePad(o.padding, in.size(3), o.filterW, o.strideW, 1);
      const std::vector<int64_t> kernel{o.filterH, o.filterW}, stride{o.strideH, o.strideW};
      at::Tensor y;
      if (h.before == 0 && h.after == 0 && w.before == 0 && w.after == 0) {
        y = at::avg_pool2d(in, kernel, stride);
      } else {
        // TFLite averages over the pixels inside the image only: sum / count, both over the padded input.
        const std::vector<int64_t> pad{w.before, w.after, h.before, h.after};
        const at::Tensor ones = at::ones({1, 1, in.size(2), in.size(3)}, in.options());
        y = at::avg_pool2d(at::constant_pad_nd(in, pad, 0), kernel, stride) /
            at::avg_pool2d(at::constant_pad_nd(ones, pad, 0), kernel, stride);
      }
      v[out] = activate(y, act);
    });
  }

  void lowerMean(const TfliteOperator& op) {
    arity(op, 2, 2);
    const std::vector<int64_t> axes = intConstant(op.inputs[1], "the axes");
    const bool keepDims = op.options.keepDims;
    const Operand x = operand(op.inputs[0], "the input");
    const int out = op.outputs[0];
    add({x}, [=](Values& v) {
      const at::Tensor& in = x.get(v);
      const int64_t rank = in.dim();
      std::vector<int64_t> dims;
      for (int64_t a : axes) {
        if (a < -rank || a >= rank) throw Error("axis " + std::to_string(a) + " is out of range");
        a = a < 0 ? a + rank : a;
        if (std::find(dims.begin(), dims.end(), a) == dims.end()) dims.push_back(a);
      }
      if (dims.empty()) {
        v[out] = in.clone();
      } else if (rank == 4 && keepDims) {
        static const int64_t kNhwcToNchw[4] = {0, 2, 3, 1};
        for (int64_t& d : dims) d = kNhwcToNchw[d];
        v[out] = in.mean(dims, true);
      } else {
        // Dropped dimensions leave the rest in NHWC order: reduce in TFLite's layout.
        v[out] = toInternal(toTflite(in).mean(dims, keepDims));
      }
    });
  }

  void lowerBinary(const TfliteOperator& op, at::Tensor (*f)(const at::Tensor&, const at::Tensor&)) {
    arity(op, 2, 2);
    const TfliteActivation act = activation(op.options);
    const Operand a = operand(op.inputs[0], "the first input"), b = operand(op.inputs[1], "the second input");
    const int out = op.outputs[0];
    add({a, b}, [=](Values& v) {
      const auto [x, y] = broadcastable(a.get(v), b.get(v));
      v[out] = activate(f(x, y), act);
    });
  }

  void lowerUnary(const TfliteOperator& op, at::Tensor (*f)(const at::Tensor&)) {
    arity(op, 1, 1);
    const Operand x = operand(op.inputs[0], "the input");
    const int out = op.outputs[0];
    add({x}, [=](Values& v) { v[out] = f(x.get(v)); });
  }

  void lowerResize(const TfliteOperator& op) {
    arity(op, 2, 2);
    const std::vector<int64_t> size = intConstant(op.inputs[1], "the size");
    if (size.size() != 2 || size[0] < 1 || size[1] < 1 || size[0] > 65536 || size[1] > 65536)
      failOp("the size must hold two positive values");
    const bool align = op.options.alignCorners, half = op.options.halfPixelCenters;
    if (align && half) failOp("align_corners and half_pixel_centers cannot both be set");
    const Operand x = operand(op.inputs[0], "the input");
    const int out = op.outputs[0];
    const int64_t h = size[0], w = size[1];
    add({x}, [=](Values& v) {
      require4d(x.get(v));
      v[out] = resizeBilinearTflite(x.get(v), h, w, align, half);
    });
  }

  // MediaPipe's custom op (live.md §1.4): a transposed convolution with OHWI weights, no kernel
  // flip, and options as a raw struct {padding, stride_w, stride_h} with TfLitePadding values.
  void lowerTransposeConvBias(const TfliteOperator& op) {
    arity(op, 3, 3);
    const auto options = model_.customOptions(op);
    if (options.size() < 12) failOp("custom options must hold 3 int32 values, got " + std::to_string(options.size()) + " bytes");
    int32_t raw[3];
    std::memcpy(raw, options.data(), sizeof raw);
    const int32_t padding = raw[0], strideW = raw[1], strideH = raw[2];
    if (padding != 1 && padding != 2) failOp("unknown padding " + std::to_string(padding) + " (1 = SAME, 2 = VALID)");
    if (strideW < 1 || strideH < 1) failOp("invalid strides");
    const at::Tensor filter = constant(op.inputs[1], "the weights");
    if (filter.dim() != 4) failOp("the weights must be 4-D [out, kH, kW, in]");
    // [out, kH, kW, in] → conv_transpose2d's [in, out, kH, kW]; no flip needed, both scatter alike.
    const at::Tensor weight = filter.permute({3, 0, 1, 2}).contiguous().to(device_);
    const at::Tensor bias = constant(op.inputs[2], "the bias").reshape({-1}).to(device_);
    if (bias.numel() != weight.size(1)) failOp("the bias does not match the weights' output channels");
    const Operand x = operand(op.inputs[0], "the input");
    const int out = op.outputs[0];
    const bool same = padding == 1;
    add({x}, [=](Values& v) {
      const at::Tensor& in = x.get(v);
      require4d(in);
      if (in.size(1) != weight.size(0))
        throw Error("the weights expect " + std::to_string(weight.size(0)) + " input channels, the input has " +
                    std::to_string(in.size(1)));
      at::Tensor y = at::conv_transpose2d(in, weight, bias, {strideH, strideW});
      if (same) {
        // Full output s·(in−1) + k, cropped by the SAME padding with ⌊pad/2⌋ in front.
        const int64_t strideOf[2] = {strideH, strideW};
        for (int d = 0; d < 2; ++d) {
          const int64_t size = in.size(2 + d), kernel = weight.size(2 + d), s = strideOf[d];
          const int64_t total = std::max<int64_t>(0, kernel - (size - 1) % s - 1);
          y = y.narrow(2 + d, total / 2, s * (size - 1) + kernel - total);
        }
      }
      v[out] = y;
    });
  }

  const TfliteModel& model_;
  const TfliteSubgraph& graph_;
  c10::Device device_;
  std::vector<at::Tensor> folded_;
  std::vector<bool> produced_;
  std::string label_;
};

}  // namespace

struct TfliteGraph::Impl {
  c10::Device device{c10::kCPU};
  std::string source;
  size_t tensorCount = 0;
  std::vector<int> inputs;
  std::vector<std::string> inputNames;
  std::vector<std::vector<int64_t>> inputShapes, outputShapes;
  std::vector<Operand> outputs;
  std::vector<Step> steps;
  std::vector<std::vector<int>> releaseAfter;  // runtime tensors dead after each step
};

TfliteGraph::TfliteGraph(const TfliteModel& model, c10::Device device) : impl_(std::make_unique<Impl>()) {
  if (model.subgraphs.empty()) throw Error(model.source + ": the model has no subgraph");
  const TfliteSubgraph& graph = model.mainGraph();
  Impl& m = *impl_;
  m.device = device;
  m.source = model.source;
  m.tensorCount = graph.tensors.size();
  try {
    Lowering lowering(model, device);
    if (graph.inputs.empty() || graph.outputs.empty()) lowering.fail("the main subgraph has no inputs or no outputs");
    for (int t : graph.inputs) {
      lowering.markInput(t);
      m.inputs.push_back(t);
      m.inputNames.push_back(graph.tensors[t].name);
      m.inputShapes.push_back(graph.tensors[t].shape);
    }
    for (size_t i = 0; i < graph.operators.size(); ++i) lowering.lower(i, graph.operators[i]);
    for (int t : graph.outputs) {
      m.outputs.push_back(lowering.output(t));
      m.outputShapes.push_back(graph.tensors[t].shape);
    }
    m.steps = std::move(lowering.steps);
  } catch (const c10::Error& e) {
    throw Error(model.source + ": cannot prepare the model: " + describeTorchError(e));
  }
  // Free every intermediate after its last reader, so peak memory stays near one layer's worth.
  std::vector<int> lastRead(m.tensorCount, -1);
  for (size_t i = 0; i < m.steps.size(); ++i)
    for (int t : m.steps[i].reads) lastRead[t] = static_cast<int>(i);
  for (const Operand& o : m.outputs)
    if (o.tensor >= 0) lastRead[o.tensor] = -1;
  m.releaseAfter.resize(m.steps.size());
  for (size_t t = 0; t < lastRead.size(); ++t)
    if (lastRead[t] >= 0) m.releaseAfter[lastRead[t]].push_back(static_cast<int>(t));
}

TfliteGraph::~TfliteGraph() = default;
TfliteGraph::TfliteGraph(TfliteGraph&&) noexcept = default;
TfliteGraph& TfliteGraph::operator=(TfliteGraph&&) noexcept = default;

const c10::Device& TfliteGraph::device() const { return impl_->device; }
std::vector<std::string> TfliteGraph::inputNames() const { return impl_->inputNames; }
std::vector<std::vector<int64_t>> TfliteGraph::inputShapes() const { return impl_->inputShapes; }
std::vector<std::vector<int64_t>> TfliteGraph::outputShapes() const { return impl_->outputShapes; }

std::vector<at::Tensor> TfliteGraph::run(const std::vector<at::Tensor>& inputs) const {
  const Impl& m = *impl_;
  if (inputs.size() != m.inputs.size())
    throw Error(m.source + ": the model takes " + std::to_string(m.inputs.size()) + " inputs, got " +
                std::to_string(inputs.size()));
  at::NoGradGuard noGrad;  // not InferenceMode: callers may modify the outputs in place
  Values values(m.tensorCount);
  for (size_t k = 0; k < inputs.size(); ++k) {
    const auto& declared = m.inputShapes[k];
    bool matches = inputs[k].defined() && inputs[k].dim() == static_cast<int64_t>(declared.size());
    for (size_t d = 1; matches && d < declared.size(); ++d) matches = inputs[k].size(d) == declared[d];
    if (!matches) {
      std::string expected = "[N";
      for (size_t d = 1; d < declared.size(); ++d) expected += "," + std::to_string(declared[d]);
      throw Error(m.source + ": input '" + m.inputNames[k] + "' must have shape " + expected + "]" +
                  (inputs[k].defined() ? ", got " + c10::str(inputs[k].sizes()) : std::string()));
    }
    values[m.inputs[k]] = toInternal(inputs[k].to(m.device, torch::kFloat32));
  }
  for (size_t i = 0; i < m.steps.size(); ++i) {
    const Step& step = m.steps[i];
    try {
      step.run(values);
    } catch (const c10::Error& e) {
      throw Error(m.source + ": " + step.label + ": " + describeTorchError(e));
    } catch (const Error& e) {
      throw Error(m.source + ": " + step.label + ": " + e.what());
    }
    for (int t : m.releaseAfter[i]) values[t] = at::Tensor();
  }
  std::vector<at::Tensor> outputs;
  for (const Operand& o : m.outputs) outputs.push_back(toTflite(o.get(values)));
  return outputs;
}

at::Tensor TfliteGraph::run(const at::Tensor& input) const { return run(std::vector<at::Tensor>{input}).front(); }

at::Tensor resizeBilinearTflite(const at::Tensor& nchw, int64_t outHeight, int64_t outWidth, bool alignCorners,
                                bool halfPixelCenters) {
  if (nchw.dim() != 4 || nchw.size(2) < 1 || nchw.size(3) < 1 || outHeight < 1 || outWidth < 1)
    throw Error("bilinear resize needs a non-empty [N, C, H, W] image and a positive size");
  // Half-pixel centres without align_corners is exactly LibTorch's bilinear kernel (same source
  // coordinates, clamped at 0), which is much faster than gathering; integer images (8-bit
  // frames) take the gather path, which promotes to float as it interpolates.
  if (halfPixelCenters && !alignCorners && at::isFloatingType(nchw.scalar_type()))
    return at::upsample_bilinear2d(nchw, {outHeight, outWidth}, false);
  const auto& device = nchw.device();
  const Interp ys = axisInterpolation(nchw.size(2), outHeight, alignCorners, halfPixelCenters, device);
  const Interp xs = axisInterpolation(nchw.size(3), outWidth, alignCorners, halfPixelCenters, device);
  const auto type = at::isFloatingType(nchw.scalar_type()) ? nchw.scalar_type() : at::kFloat;
  const at::Tensor wy = ys.weight.view({1, 1, outHeight, 1}).to(type);
  const at::Tensor wx = xs.weight.view({1, 1, 1, outWidth}).to(type);
  const at::Tensor top = nchw.index_select(2, ys.lo), bottom = nchw.index_select(2, ys.hi);
  const at::Tensor rows = top * (1 - wy) + bottom * wy;
  const at::Tensor left = rows.index_select(3, xs.lo), right = rows.index_select(3, xs.hi);
  return left * (1 - wx) + right * wx;
}

}  // namespace panocast
