#pragma once
// Name-to-name weight loading with a complete report: every missing, unexpected and mis-shaped
// tensor by name, so users see exactly why a checkpoint does not fit.
#include <torch/nn/module.h>

#include <map>
#include <string>
#include <vector>

namespace panocast {

struct LoadReport {
  std::vector<std::string> missing;      // in the model, not in the file
  std::vector<std::string> unexpected;   // in the file, not in the model
  std::vector<std::string> mismatched;   // "name: file [a, b] vs model [c, d]"
  bool ok() const { return missing.empty() && mismatched.empty(); }
  // A multi-line summary naming up to `limit` tensors per category.
  std::string describe(size_t limit = 12) const;
};

// Copies `tensors` into the module's parameters and buffers of the same names (converting dtype
// and device to the module's). Nothing is copied unless every present tensor fits.
LoadReport loadStateDict(torch::nn::Module& module, const std::map<std::string, at::Tensor>& tensors);

// Throws panocast::Error with `what` and the report when it is not ok().
void requireLoaded(const LoadReport& report, const std::string& what);

}  // namespace panocast
