#pragma once
// The fixtures' counter-based deterministic generator (../shared/specs/fixtures.md §2), so tests
// rebuild inputs and weights bit for bit instead of storing them.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace panocast::test {

// u(s, i) ∈ [0, 1): splitmix64 of the counter s·2³² + i.
double detUniform(uint64_t stream, uint64_t index);

// float32(lo + (hi − lo)·u(s, i)) for every element, row-major.
at::Tensor detTensor(uint64_t stream, const std::vector<int64_t>& shape, double lo = -1.0, double hi = 1.0);

// det_fill of a whole state dict given as name → shape (floating tensors only are filled;
// `integerKeys` use up their stream index but are returned absent; they may also be in `shapes`).
std::map<std::string, at::Tensor> detFill(const std::map<std::string, std::vector<int64_t>>& shapes,
                                          const std::vector<std::string>& integerKeys = {});

}  // namespace panocast::test
