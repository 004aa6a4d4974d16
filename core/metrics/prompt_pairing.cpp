#include "metrics/prompt_pairing.h"

#include "runtime/error.h"

namespace panocast {
namespace {
std::string counted(size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }
}  // namespace

PromptPairing pairImagesWithPrompts(const GeneratedSet& set, const std::vector<std::string>& prompts) {
  PromptPairing pairing;
  if (!set.runsLayout) {
    if (prompts.empty()) {
      pairing.problem = "no prompts for the images";
      return pairing;
    }
    if (prompts.size() != 1 && prompts.size() != set.images.size())
      throw Error(counted(prompts.size(), "prompt") + " for " + counted(set.images.size(), "image") +
                  ": give one prompt for all images or one per image (in file-name order)");
    for (size_t i = 0; i < set.images.size(); ++i)
      pairing.images.push_back({set.images[i], prompts.size() == 1 ? prompts[0] : prompts[i], {}});
    return pairing;
  }
  for (const auto& run : set.runs) {
    const auto& own = run.prompts.empty() ? prompts : run.prompts;
    const std::string source = run.prompts.empty() ? "given" : "in run.json";
    if (own.empty()) {
      pairing.warnings.push_back("CLIP score: " + run.folder.string() + " records no prompts in run.json");
      continue;
    }
    if (own.size() != 1 && own.size() != run.views.size()) {
      pairing.warnings.push_back("CLIP score: " + run.folder.string() + " has " + counted(run.views.size(), "view") +
                                 " but " + counted(own.size(), "prompt") + " (" + source +
                                 "); give one for all views or one per view");
      continue;
    }
    for (size_t k = 0; k < run.views.size(); ++k)
      pairing.images.push_back({run.views[k], own.size() == 1 ? own[0] : own[k], run.method});
  }
  if (pairing.images.empty()) pairing.problem = "no run has prompts that fit its views";
  return pairing;
}

}  // namespace panocast
