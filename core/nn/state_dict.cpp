#include "nn/state_dict.h"

#include <torch/torch.h>

#include <sstream>

#include "runtime/error.h"

namespace panocast {
namespace {

std::string shapeText(at::IntArrayRef shape) {
  std::ostringstream s;
  s << shape;
  return s.str();
}

}  // namespace

std::string LoadReport::describe(size_t limit) const {
  std::ostringstream out;
  auto list = [&](const char* title, const std::vector<std::string>& names) {
    if (names.empty()) return;
    out << names.size() << " " << title << ":";
    for (size_t i = 0; i < names.size() && i < limit; ++i) out << "\n  " << names[i];
    if (names.size() > limit) out << "\n  …";
    out << "\n";
  };
  list("missing tensor(s)", missing);
  list("mis-shaped tensor(s)", mismatched);
  list("unexpected tensor(s)", unexpected);
  return out.str();
}

LoadReport loadStateDict(torch::nn::Module& module, const std::map<std::string, at::Tensor>& tensors) {
  LoadReport report;
  std::map<std::string, at::Tensor> targets;
  for (const auto& item : module.named_parameters(true)) targets[item.key()] = item.value();
  for (const auto& item : module.named_buffers(true)) targets[item.key()] = item.value();
  for (const auto& [name, target] : targets) {
    const auto it = tensors.find(name);
    if (it == tensors.end()) report.missing.push_back(name);
    else if (it->second.sizes() != target.sizes())
      report.mismatched.push_back(name + ": file " + shapeText(it->second.sizes()) + " vs model " + shapeText(target.sizes()));
  }
  for (const auto& [name, tensor] : tensors)
    if (!targets.count(name)) report.unexpected.push_back(name);
  if (!report.mismatched.empty()) return report;
  torch::NoGradGuard noGrad;
  for (auto& [name, target] : targets) {
    const auto it = tensors.find(name);
    if (it != tensors.end()) target.copy_(it->second.to(target.options()));
  }
  return report;
}

void requireLoaded(const LoadReport& report, const std::string& what) {
  if (!report.ok()) throw Error(what + ": weights do not match the model\n" + report.describe());
}

}  // namespace panocast
