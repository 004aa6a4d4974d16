#include "live/person_segmenter.h"

#include <torch/torch.h>

#include "io/image_tensor.h"
#include "live/selfie_segmenter.h"
#include "nn/deeplab_v3.h"
#include "runtime/error.h"
#include "runtime/model_locations.h"

namespace panocast {
namespace F = torch::nn::functional;
namespace {

const char* kSelfieHowTo =
    "run scripts/setup.sh (it fetches Google's selfie segmentation models from the npm package "
    "@mediapipe/selfie_segmentation), or pass the folder holding selfie_segmentation/*.tflite";

class SelfieAdapter : public PersonSegmenter {
 public:
  SelfieAdapter(SegmenterKind kind, const SegmenterOptions& o)
      : kind_(kind),
        model_(findModelFile(std::string("selfie_segmentation/") +
                                 selfieModelFileName(kind == SegmenterKind::Selfie ? SelfieModel::General : SelfieModel::Landscape),
                             kSelfieHowTo, o.modelsFolder),
               o.device) {}
  SegmenterKind kind() const override { return kind_; }
  at::Tensor modelProbability(const ImageU8& image) override { return model_.probabilities(image).to(torch::kCPU); }
  ImageU8 rawMask(const ImageU8& image) override { return model_.rawMask(image); }

 private:
  SegmenterKind kind_;
  SelfieSegmenter model_;
};

class DeepLabAdapter : public PersonSegmenter {
 public:
  explicit DeepLabAdapter(const SegmenterOptions& o) : model_(loadDeepLabV3(o.deeplabWeights)), device_(o.device), shortSide_(o.deeplabShortSide) {
    if (shortSide_ < 32 || shortSide_ > 4096) throw Error("DeepLab working size must be 32 to 4096 pixels");
    model_->to(device_);
  }
  SegmenterKind kind() const override { return SegmenterKind::DeepLab; }
  at::Tensor modelProbability(const ImageU8& image) override {
    torch::NoGradGuard noGrad;
    auto rgb = toTensor(image);  // [C, H, W] in 0..1
    if (rgb.size(0) == 1) rgb = rgb.expand({3, -1, -1});
    if (rgb.size(0) == 4) rgb = rgb.slice(0, 0, 3);
    rgb = rgb.unsqueeze(0).to(device_);
    // torchvision's preset: the short side to `shortSide_`, aspect kept, ImageNet normalisation.
    const double scale = static_cast<double>(shortSide_) / std::min(image.width, image.height);
    const int64_t w = std::max<int64_t>(1, std::llround(image.width * scale));
    const int64_t h = std::max<int64_t>(1, std::llround(image.height * scale));
    rgb = F::interpolate(rgb, F::InterpolateFuncOptions().size(std::vector<int64_t>{h, w}).mode(torch::kBilinear).align_corners(false));
    const auto mean = torch::tensor({0.485, 0.456, 0.406}, rgb.options()).view({1, 3, 1, 1});
    const auto std = torch::tensor({0.229, 0.224, 0.225}, rgb.options()).view({1, 3, 1, 1});
    const auto logits = model_->forward((rgb - mean) / std);
    const auto person = torch::softmax(logits, 1)[0][DeepLabV3MobileNetImpl::kPersonClass];
    return person.to(torch::kCPU).contiguous();
  }
  ImageU8 rawMask(const ImageU8& image) override { return probabilityToMask(probability(image)); }

 private:
  DeepLabV3MobileNet model_;
  c10::Device device_;
  int shortSide_;
};

}  // namespace

at::Tensor PersonSegmenter::probability(const ImageU8& image) {
  return resizeProbability(modelProbability(image), image.width, image.height);
}

SegmenterKind segmenterKindFromName(const std::string& name) {
  if (name == "selfie") return SegmenterKind::Selfie;
  if (name == "selfie-landscape") return SegmenterKind::SelfieLandscape;
  if (name == "deeplab") return SegmenterKind::DeepLab;
  throw Error("unknown segmenter '" + name + "' (selfie, selfie-landscape or deeplab)");
}

const char* segmenterName(SegmenterKind kind) {
  switch (kind) {
    case SegmenterKind::Selfie: return "selfie";
    case SegmenterKind::SelfieLandscape: return "selfie-landscape";
    case SegmenterKind::DeepLab: return "deeplab";
  }
  return "?";
}

std::unique_ptr<PersonSegmenter> openSegmenter(SegmenterKind kind, const SegmenterOptions& options) {
  if (kind == SegmenterKind::DeepLab) {
    if (options.deeplabWeights.empty())
      throw Error("the deeplab segmenter needs torchvision's weights file (deeplabv3_mobilenet_v3_large-fc3c493d.pth, "
                  "download.pytorch.org/models); pass it with --deeplab FILE");
    return std::make_unique<DeepLabAdapter>(options);
  }
  return std::make_unique<SelfieAdapter>(kind, options);
}

at::Tensor resizeProbability(const at::Tensor& probability, int width, int height) {
  if (probability.size(0) == height && probability.size(1) == width) return probability.to(torch::kFloat);
  return F::interpolate(probability.to(torch::kFloat).unsqueeze(0).unsqueeze(0),
                        F::InterpolateFuncOptions()
                            .size(std::vector<int64_t>{height, width})
                            .mode(torch::kBilinear)
                            .align_corners(false))[0][0]
      .clamp(0.0, 1.0);
}

ImageU8 probabilityToMask(const at::Tensor& probability) {
  return toImageU8(probability.unsqueeze(0));
}

}  // namespace panocast
