#pragma once
// MediaPipe Selfie Segmentation (live.md §1) run from Google's own .tflite files: the general
// model (256×256) or the landscape one used by Google Meet (144×256). An RGB image in, the
// model's probability that each pixel shows a person out, computed as MediaPipe computes it.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <filesystem>
#include <memory>

#include "io/image.h"

namespace panocast {

class TfliteGraph;

enum class SelfieModel { General, Landscape };

// The file name in the npm package (set-up puts both into data/models/selfie_segmentation/).
const char* selfieModelFileName(SelfieModel model);

class SelfieSegmenter {
 public:
  // Reads and prepares the model; throws panocast::Error if the file is missing, malformed or not
  // a selfie segmentation model (one [1, H, W, 3] input, one [1, H, W, 1] output).
  explicit SelfieSegmenter(const std::filesystem::path& tflitePath, c10::Device device = c10::Device(c10::kCPU));
  ~SelfieSegmenter();
  SelfieSegmenter(SelfieSegmenter&&) noexcept;
  SelfieSegmenter& operator=(SelfieSegmenter&&) noexcept;

  int inputWidth() const { return width_; }
  int inputHeight() const { return height_; }
  const c10::Device& device() const;

  // The tensor MediaPipe feeds the model: the whole image stretched to the model size (aspect not
  // kept, no letterbox) with bilinear sampling at pixel centres, RGB in [0, 1]; [H, W, 3] float
  // on the model's device. Grey and RGBA images are accepted (grey replicated, alpha ignored).
  at::Tensor prepareInput(const ImageU8& image) const;
  // The model on prepared input [H, W, 3] or [N, H, W, 3] → probability [H, W] or [N, H, W].
  at::Tensor run(const at::Tensor& input) const;
  // prepareInput + run: the probability at model size, [H, W] float on the model's device.
  at::Tensor probabilities(const ImageU8& image) const;
  // `segment --raw`: MediaPipe's 8-bit mask at the image's size (one channel): round(255·p) at
  // model size, upsampled bilinearly (pixel centres), rounded again. No post-processing.
  ImageU8 rawMask(const ImageU8& image) const;

 private:
  std::unique_ptr<TfliteGraph> graph_;
  int width_ = 0, height_ = 0;
};

}  // namespace panocast
