#pragma once
// The person segmenters behind one interface, so the live pipeline, `panocast segment` and the
// studio pick a model by name: MediaPipe's selfie models (general, landscape) and torchvision's
// DeepLabV3-MobileNetV3. Each returns the probability that a pixel shows a person, at the
// image's own size, without post-processing (mask_refiner.h does that).
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

#include <filesystem>
#include <memory>
#include <string>

#include "io/image.h"

namespace panocast {

enum class SegmenterKind { Selfie, SelfieLandscape, DeepLab };
SegmenterKind segmenterKindFromName(const std::string& name);  // selfie | selfie-landscape | deeplab
const char* segmenterName(SegmenterKind kind);

class PersonSegmenter {
 public:
  virtual ~PersonSegmenter() = default;
  virtual SegmenterKind kind() const = 0;
  // Person probability [h, w] float in [0, 1] on the CPU at the model's working size (the image
  // stretched to it): the live path refines and upsamples this itself (mask_refiner.h).
  virtual at::Tensor modelProbability(const ImageU8& image) = 0;
  // The same, bilinearly resized to the image's size [H, W].
  at::Tensor probability(const ImageU8& image);
  // The model's raw 8-bit mask at the image's size, as MediaPipe's runtime produces it (for the
  // selfie models exactly; DeepLab: round(255·p)).
  virtual ImageU8 rawMask(const ImageU8& image) = 0;
};

struct SegmenterOptions {
  std::filesystem::path modelsFolder;   // where to look for the selfie .tflite files (optional)
  std::filesystem::path deeplabWeights; // torchvision's .pth (DeepLab only)
  c10::Device device = c10::Device(c10::kCPU);
  int deeplabShortSide = 520;           // working resolution; torchvision's published setting
};

std::unique_ptr<PersonSegmenter> openSegmenter(SegmenterKind kind, const SegmenterOptions& options);

// [H, W] probability at another size: bilinear at pixel centres (align_corners=false).
at::Tensor resizeProbability(const at::Tensor& probability, int width, int height);
// round(255·p) as a one-channel image.
ImageU8 probabilityToMask(const at::Tensor& probability);

}  // namespace panocast
