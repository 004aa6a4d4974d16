#pragma once
// torchvision's DeepLabV3 with a dilated MobileNetV3-Large backbone (live.md §3): the person
// segmenter users can load from torchvision's COCO checkpoint. Module names mirror the
// checkpoint keys (backbone.N.block.K..., classifier.0.convs..., aux_classifier...), so the .pth
// loads name to name; the auxiliary head is kept only so the key set is complete.
#include <torch/nn/module.h>

#include <filesystem>
#include <map>
#include <string>

namespace panocast {

class DeepLabV3MobileNetImpl : public torch::nn::Module {
 public:
  static constexpr int kClasses = 21;      // VOC: 0 background … 15 person …
  static constexpr int kPersonClass = 15;

  DeepLabV3MobileNetImpl();
  // image: [B, 3, H, W], already normalised with ImageNet mean/std → logits [B, 21, H, W].
  at::Tensor forward(const at::Tensor& image);

 private:
  struct Backbone;
  struct Head;
  std::shared_ptr<Backbone> backbone_;
  std::shared_ptr<Head> classifier_;
  std::shared_ptr<torch::nn::Module> auxClassifier_;
};
TORCH_MODULE(DeepLabV3MobileNet);

// From tensors named as in torchvision's state dict; throws with the full load report.
DeepLabV3MobileNet deepLabFromTensors(const std::map<std::string, at::Tensor>& tensors, const std::string& source);
// From deeplabv3_mobilenet_v3_large-*.pth (read by the safe checkpoint reader) or a safetensors file.
DeepLabV3MobileNet loadDeepLabV3(const std::filesystem::path& file);

}  // namespace panocast
