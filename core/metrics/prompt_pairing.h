#pragma once
// Which prompt each generated image was made from, for CLIP score: a panorama run's views take the
// prompts its run.json records (one for all views or one per view, MVDiffusion's per-view
// convention); images without their own take the prompts the user gives (one for all, or one per
// image in file-name order).
#include <filesystem>
#include <string>
#include <vector>

#include "metrics/panorama_runs.h"

namespace panocast {

struct PromptedImage {
  std::filesystem::path image;
  std::string prompt;
  std::string method;  // the run's method; empty for plain images
};

struct PromptPairing {
  std::vector<PromptedImage> images;
  std::vector<std::string> warnings;  // runs left out, and why
  std::string problem;                // why nothing could be paired; empty when something was
};

// Throws panocast::Error when `prompts` cannot fit the plain images (neither one nor one per image):
// that is a mistake in the inputs, reported before any slow work.
PromptPairing pairImagesWithPrompts(const GeneratedSet& set, const std::vector<std::string>& prompts);

}  // namespace panocast
