#include "live/selfie_segmenter.h"

#include <torch/torch.h>

#include "io/tflite_model.h"
#include "nn/tflite_graph.h"
#include "runtime/error.h"

namespace panocast {

const char* selfieModelFileName(SelfieModel model) {
  return model == SelfieModel::Landscape ? "selfie_segmentation_landscape.tflite" : "selfie_segmentation.tflite";
}

SelfieSegmenter::SelfieSegmenter(const std::filesystem::path& tflitePath, c10::Device device)
    : graph_(std::make_unique<TfliteGraph>(readTfliteModel(tflitePath), device)) {
  const auto inputs = graph_->inputShapes();
  const auto outputs = graph_->outputShapes();
  const bool shaped = inputs.size() == 1 && outputs.size() == 1 && inputs[0].size() == 4 && inputs[0][3] == 3 &&
                      outputs[0].size() == 4 && outputs[0][3] == 1 && outputs[0][1] == inputs[0][1] &&
                      outputs[0][2] == inputs[0][2] && inputs[0][1] > 0 && inputs[0][2] > 0;
  if (!shaped)
    throw Error(tflitePath.string() + ": not a selfie segmentation model (expected one [1, H, W, 3] input and one "
                                      "[1, H, W, 1] output)");
  height_ = static_cast<int>(inputs[0][1]);
  width_ = static_cast<int>(inputs[0][2]);
}

SelfieSegmenter::~SelfieSegmenter() = default;
SelfieSegmenter::SelfieSegmenter(SelfieSegmenter&&) noexcept = default;
SelfieSegmenter& SelfieSegmenter::operator=(SelfieSegmenter&&) noexcept = default;

const c10::Device& SelfieSegmenter::device() const { return graph_->device(); }

at::Tensor SelfieSegmenter::prepareInput(const ImageU8& image) const {
  if (image.empty() || image.width < 1 || image.height < 1) throw Error("selfie segmentation: the image is empty");
  if (image.channels < 1 || image.channels > 4 || image.pixels.size() != size_t(image.width) * image.height * image.channels)
    throw Error("selfie segmentation: the image buffer does not match its size");
  // A view of the 8-bit pixels as [1, C, H, W]: only the rows and columns the resize samples are
  // ever converted to float, which matters for HD frames (the model sees 256 × 256).
  at::Tensor pixels = torch::from_blob(const_cast<uint8_t*>(image.pixels.data()),
                                       {1, image.height, image.width, image.channels}, torch::kUInt8)
                          .to(device())
                          .permute({0, 3, 1, 2});
  if (image.channels < 3) pixels = pixels.narrow(1, 0, 1).expand({1, 3, image.height, image.width});
  if (image.channels > 3) pixels = pixels.narrow(1, 0, 3);
  // MediaPipe's ImageToTensor with keep_aspect_ratio false: the full image as the region of
  // interest, sampled bilinearly at pixel centres, so TFLite's half-pixel resize reproduces it.
  const at::Tensor resized = resizeBilinearTflite(pixels, height_, width_, false, true).div_(255.0f);
  return resized.squeeze(0).permute({1, 2, 0}).contiguous();
}

at::Tensor SelfieSegmenter::run(const at::Tensor& input) const {
  const bool single = input.dim() == 3;
  const at::Tensor batch = single ? input.unsqueeze(0) : input;
  // The output already is a probability (the graph ends in LOGISTIC): no activation, and never a
  // min-max normalisation, which would turn noise into a mask when nobody is in frame.
  const at::Tensor out = graph_->run(batch).select(3, 0);
  return single ? out.squeeze(0) : out;
}

at::Tensor SelfieSegmenter::probabilities(const ImageU8& image) const { return run(prepareInput(image)); }

ImageU8 SelfieSegmenter::rawMask(const ImageU8& image) const {
  const at::Tensor p = probabilities(image);
  // MediaPipe quantises to 8 bits at model size before the upsampling to the image.
  const at::Tensor quantised = p.clamp(0, 1).mul(255).round();
  const at::Tensor up = resizeBilinearTflite(quantised.reshape({1, 1, height_, width_}), image.height, image.width, false, true);
  const at::Tensor bytes = up.round().clamp(0, 255).to(torch::kCPU, torch::kUInt8).contiguous();
  ImageU8 mask{image.width, image.height, 1, {}};
  mask.pixels.assign(bytes.data_ptr<uint8_t>(), bytes.data_ptr<uint8_t>() + bytes.numel());
  return mask;
}

}  // namespace panocast
