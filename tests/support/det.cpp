#include "support/det.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace panocast::test {
namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

double detUniform(uint64_t stream, uint64_t index) {
  uint64_t z = (stream << 32) + index;  // mod 2^64 by unsigned wrap-around
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z = z ^ (z >> 31);
  return static_cast<double>(z >> 11) * 0x1.0p-53;
}

torch::Tensor detTensor(uint64_t stream, const std::vector<int64_t>& shape, double lo, double hi) {
  auto out = torch::empty(shape, torch::kFloat32);
  float* data = out.data_ptr<float>();
  for (int64_t i = 0, n = out.numel(); i < n; ++i)
    data[i] = static_cast<float>(lo + (hi - lo) * detUniform(stream, static_cast<uint64_t>(i)));
  return out;
}

std::map<std::string, torch::Tensor> detFill(const std::map<std::string, std::vector<int64_t>>& shapes,
                                             const std::vector<std::string>& integerKeys) {
  // Integer keys may or may not also be listed in `shapes`; each key counts once in the order.
  std::set<std::string> unique(integerKeys.begin(), integerKeys.end());
  for (const auto& [name, shape] : shapes) unique.insert(name);
  const std::vector<std::string> keys(unique.begin(), unique.end());
  std::map<std::string, torch::Tensor> out;
  for (size_t j = 0; j < keys.size(); ++j) {
    const std::string& name = keys[j];
    if (std::find(integerKeys.begin(), integerKeys.end(), name) != integerKeys.end()) continue;
    const auto& shape = shapes.at(name);
    auto tensor = torch::empty(shape, torch::kFloat32);
    float* data = tensor.data_ptr<float>();
    int64_t fanIn = 1;
    for (size_t d = 1; d < shape.size(); ++d) fanIn *= shape[d];
    for (int64_t i = 0, n = tensor.numel(); i < n; ++i) {
      const double u = detUniform(j, static_cast<uint64_t>(i));
      double v;
      if (endsWith(name, "running_var")) v = 0.5 + u;
      else if (endsWith(name, "running_mean")) v = 0.1 * (2 * u - 1);
      else if (shape.size() >= 2) v = (2 * u - 1) * std::sqrt(3.0 / static_cast<double>(fanIn));
      else if (endsWith(name, "weight")) v = 1 + 0.1 * (2 * u - 1);
      else v = 0.05 * (2 * u - 1);
      data[i] = static_cast<float>(v);
    }
    out[name] = tensor;
  }
  return out;
}

}  // namespace panocast::test
