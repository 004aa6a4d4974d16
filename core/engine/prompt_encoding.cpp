#include "engine/prompt_encoding.h"

#include <torch/torch.h>

#include "engine/sd_model.h"

namespace panocast {

at::Tensor encodePrompts(const StableDiffusionModel& model, const std::vector<std::string>& prompts) {
  torch::NoGradGuard noGrad;
  std::vector<int64_t> ids;
  for (const auto& prompt : prompts)
    for (int32_t id : model.tokenizer->encodeForModel(prompt)) ids.push_back(id);
  const auto batch = torch::tensor(ids, torch::kInt64)
                         .view({static_cast<int64_t>(prompts.size()), ClipTokenizer::kContextLength})
                         .to(model.device);
  auto encoder = model.textEncoder;  // the holder shares the module; forward() is non-const
  return encoder->forward(batch);
}

}  // namespace panocast
