#include "engine/multiview_methods.h"

#include <torch/torch.h>

#include "runtime/error.h"

namespace panocast {

namespace {
constexpr std::pair<MultiViewMethod, const char*> kNames[] = {{MultiViewMethod::Independent, "independent"},
                                                             {MultiViewMethod::Caa, "caa"},
                                                             {MultiViewMethod::MultiDiffusion, "multidiffusion"},
                                                             {MultiViewMethod::SharedAttention, "shared-attention"}};
}  // namespace

MultiViewMethod multiViewMethodFromName(const std::string& name) {
  for (const auto& [method, text] : kNames)
    if (name == text) return method;
  throw Error("unknown method '" + name + "' (independent, caa, multidiffusion or shared-attention)");
}

std::string multiViewMethodName(MultiViewMethod method) {
  for (const auto& [m, text] : kNames)
    if (m == method) return text;
  return "?";
}

int SharedAttentionHooks::levelOf(UNetSite site, int index) const {
  switch (site) {
    case UNetSite::Down: return index;
    case UNetSite::Mid: return blocks_;
    case UNetSite::Up: return blocks_ - 1 - index;
  }
  return -1;
}

at::Tensor SharedAttentionHooks::selfAttentionContext(UNetSite site, int index, const at::Tensor& tokens) {
  if (!levels_.count(levelOf(site, index)) || tokens.size(0) % views_ != 0) return {};
  const int64_t groups = tokens.size(0) / views_, n = tokens.size(1), c = tokens.size(2);
  const auto grouped = tokens.view({groups, views_, n, c});
  const auto previous = torch::roll(grouped, 1, 1);   // view v sees v−1 …
  const auto next = torch::roll(grouped, -1, 1);      // … and v+1
  return torch::cat({grouped, previous, next}, 2).view({groups * views_, 3 * n, c});
}

at::Tensor fuseRingOverlaps(const at::Tensor& latents, const CaaGeometry& geometry) {
  const int64_t views = geometry.views(), items = latents.size(0), c = latents.size(1), h = latents.size(2);
  const auto& level = geometry.level(static_cast<int>(h));
  const auto device = latents.device();
  // The centre sample (k = 4) of each neighbour: where view v's cell lies in that neighbour.
  const auto grid = level.grid.to(device, latents.scalar_type())
                        .view({views, 2, h, h, 9, 2}).select(4, 4);                        // [M, 2, h, w, 2]
  const auto valid = level.mask.to(device, latents.scalar_type()).view({views, 2, 9, h, h}).select(2, 4);  // [M, 2, h, w]
  namespace F = torch::nn::functional;
  const auto options = F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kZeros).align_corners(true);
  const int64_t groups = items / views;
  const auto grouped = latents.view({groups, views, c, h, h});
  auto sum = grouped.clone();
  auto count = torch::ones({1, views, 1, h, h}, latents.options());
  for (int side = 0; side < 2; ++side) {
    const auto source = torch::roll(grouped, side == 0 ? 1 : -1, 1).reshape({items, c, h, h});  // neighbour per view
    const auto sideGrid = grid.select(1, side).unsqueeze(0).expand({groups, views, h, h, 2}).reshape({items, h, h, 2});
    const auto warped = F::grid_sample(source, sideGrid, options).view({groups, views, c, h, h});
    const auto weight = valid.select(1, side).view({1, views, 1, h, h});
    sum = sum + warped * weight;
    count = count + weight;
  }
  return (sum / count).view({items, c, h, h});
}

}  // namespace panocast
