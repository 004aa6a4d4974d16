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

std::string promptTruncationWarning(const StableDiffusionModel& model, const std::string& prompt) {
  constexpr int kKept = ClipTokenizer::kContextLength - 2;
  const int tokens = model.tokenizer->countTokens(prompt);
  if (tokens <= kKept) return {};
  return "the prompt has " + std::to_string(tokens) + " tokens; only the first " + std::to_string(kKept) +
         " are used (the rest is cut, as in diffusers): \"" + prompt.substr(0, 60) + (prompt.size() > 60 ? "…" : "") +
         "\"";
}

}  // namespace panocast
