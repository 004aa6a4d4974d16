#pragma once
// A TFLite model's main subgraph lowered to LibTorch operations and run in the stored order, in
// fp32 on CPU or CUDA. Weights are converted once at load (fp16 → fp32, OHWI → OIHW) and 4-D
// activations are kept NCHW inside; callers see TFLite's own layout (NHWC for images).
// Supported: CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D, MEAN, ADD, MUL, RELU, RELU6,
// RELU_N1_TO_1, TANH, LOGISTIC, HARD_SWISH, RESIZE_BILINEAR, DEQUANTIZE and MediaPipe's custom
// Convolution2DTransposeBias (live.md §1.4, §2.5); anything else is a load error naming the op.
// On CUDA, LibTorch's process-wide default lets cuDNN convolutions use TF32; that is left alone
// (it moves the selfie models' output by about 2e-4 on average, inside the golden tolerance).
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <memory>
#include <string>
#include <vector>

#include "io/tflite_model.h"

namespace panocast {

class TfliteGraph {
 public:
  explicit TfliteGraph(const TfliteModel& model, c10::Device device = c10::Device(c10::kCPU));
  ~TfliteGraph();
  TfliteGraph(TfliteGraph&&) noexcept;
  TfliteGraph& operator=(TfliteGraph&&) noexcept;

  const c10::Device& device() const;
  // Declared names and shapes of the graph's inputs and outputs (TFLite layout).
  std::vector<std::string> inputNames() const;
  std::vector<std::vector<int64_t>> inputShapes() const;
  std::vector<std::vector<int64_t>> outputShapes() const;

  // Runs the graph. Inputs in TFLite layout with the declared shapes (the batch size may differ),
  // any device, converted to fp32; outputs in TFLite layout on the graph's device.
  std::vector<at::Tensor> run(const std::vector<at::Tensor>& inputs) const;
  at::Tensor run(const at::Tensor& input) const;  // one input, first output

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Bilinear resize of [N, C, H, W] exactly as TFLite's RESIZE_BILINEAR reference kernel computes
// source positions: scale in/out ((in−1)/(out−1) with align_corners), source = (dst + ½)·scale − ½
// with half_pixel_centers (else dst·scale), neighbours clamped to the image. With
// half_pixel_centers this is also MediaPipe's "bilinear sampling at pixel centres". Integer input (8-bit
// pixels) is interpolated in float; the result is float.
at::Tensor resizeBilinearTflite(const at::Tensor& nchw, int64_t outHeight, int64_t outWidth, bool alignCorners,
                                bool halfPixelCenters);

}  // namespace panocast
