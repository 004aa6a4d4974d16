#include "engine/latent_preview.h"

#include <torch/torch.h>

namespace panocast {

void LatentPreviewer::fit() {
  torch::NoGradGuard noGrad;
  const auto& config = vae_->config();
  const int scale = 1 << (static_cast<int>(config.blockOutChannels.size()) - 1);
  const auto parameter = vae_->parameters().front();
  auto generator = at::detail::createCPUGenerator(20240521);
  // 8×8 latents: big enough for a well-posed fit, small enough to decode in a blink on the CPU.
  const auto latents = torch::randn({2, config.latentChannels, 8, 8}, generator, torch::kFloat32);
  const auto image = vae_->decodeToImage(latents.to(parameter.device(), parameter.scalar_type()))
                         .to(torch::kCPU, torch::kFloat32);
  const auto blocks = torch::avg_pool2d(image, scale);  // [2, 3, 8, 8]
  const auto x = torch::cat({latents.permute({0, 2, 3, 1}).reshape({-1, config.latentChannels}),
                             torch::ones({latents.size(0) * 64, 1})},
                            1);
  const auto y = blocks.permute({0, 2, 3, 1}).reshape({-1, 3});
  // Normal equations with a little ridge: 5×5, always solvable.
  const auto xtx = x.t().matmul(x) + 1e-3 * torch::eye(x.size(1));
  weights_ = torch::linalg_solve(xtx, x.t().matmul(y));
}

at::Tensor LatentPreviewer::rgb(const at::Tensor& latents) {
  std::call_once(fitted_, [this] { fit(); });
  torch::NoGradGuard noGrad;
  const auto z = latents.to(torch::kCPU, torch::kFloat32);
  const auto x = torch::cat({z.permute({0, 2, 3, 1}), torch::ones({z.size(0), z.size(2), z.size(3), 1})}, 3);
  return x.matmul(weights_).permute({0, 3, 1, 2}).clamp(0, 1).contiguous();
}

}  // namespace panocast
