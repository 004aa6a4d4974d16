#pragma once
// How the eight views of a panorama are coupled while they are denoised together (one sampler
// loop over the 8-view batch; the method is the pluggable part):
//   independent       no coupling: the baseline
//   caa               MVDiffusion's correspondence-aware attention (trained blocks)
//   multidiffusion    training-free: after every step each view is averaged with what its ring
//                     neighbours hold at the same points (MultiDiffusion's least-squares fusion
//                     on the 360° ring)
//   shared-attention  training-free: each view's self-attention also sees its two neighbours'
//                     keys and values, at the chosen UNet levels
#include <ATen/core/Tensor.h>

#include <set>
#include <string>

#include "multiview/caa_geometry.h"
#include "nn/unet.h"

namespace panocast {

enum class MultiViewMethod { Independent, Caa, MultiDiffusion, SharedAttention };

MultiViewMethod multiViewMethodFromName(const std::string& name);
std::string multiViewMethodName(MultiViewMethod method);

// Self-attention of view v over [v, v−1, v+1]'s tokens in the selected UNet levels (0 = the
// finest); views are grouped in runs of `views` along the batch (a CFG batch holds two groups).
class SharedAttentionHooks : public UNetHooks {
 public:
  // Levels: 0 … blocks−1 from the finest resolution down, `blocks` for the mid block.
  SharedAttentionHooks(int views, int blocks, std::set<int> levels)
      : views_(views), levels_(std::move(levels)), blocks_(blocks) {}
  at::Tensor selfAttentionContext(UNetSite site, int index, const at::Tensor& tokens) override;

 private:
  int levelOf(UNetSite site, int index) const;
  int views_;
  std::set<int> levels_;
  int blocks_;
};

// Averages each view's latents with its ring neighbours' latents sampled at the corresponding
// points (bilinear, where the point lies inside the neighbour). latents: [B·M, C, h, w].
at::Tensor fuseRingOverlaps(const at::Tensor& latents, const CaaGeometry& geometry);

}  // namespace panocast
