#pragma once
// Turning images into the FID Inception's input (metrics.md §2). The resize kernel alone moves FID
// by several points, so each reference pipeline is reproduced operation for operation; numbers
// are only comparable with published ones computed by the same pipeline.
#include <ATen/core/Tensor.h>

#include <cstdint>

namespace panocast {

// torch-fidelity's `interpolate_bilinear_2d_like_tensorflow1x` (align_corners=False, "slow"
// path): TensorFlow 1's bilinear resize without the half-pixel offset. images: [N, C, H, W]
// float32 (any device) → [N, C, height, width] float32. Same-size input comes back unchanged.
at::Tensor resizeBilinearTf1(const at::Tensor& images, int64_t height, int64_t width);

// torch-fidelity's (and torchmetrics ≤ 1.7's) whole pipeline, the project's primary one: uint8
// [N, 3, H, W] → TF1 bilinear to 299×299 on values 0…255 → (x − 128)/128, float32 on the input's
// device.
at::Tensor torchFidelityInceptionInput(const at::Tensor& imagesUint8);

// pytorch-fid's pipeline: [N, 3, H, W] in [0, 1] (uint8 is divided by 255 first, as torchvision's
// ToTensor does) → bilinear to 299×299 with half-pixel centres and no antialiasing
// (F.interpolate, align_corners=False) → 2x − 1.
at::Tensor pytorchFidInceptionInput(const at::Tensor& images);

// Float images in [0, 1] → uint8 for torch-fidelity's pipeline, rounding to nearest (some
// references truncate instead, which darkens by half a level; metrics.md §8.7).
at::Tensor imagesToUint8(const at::Tensor& images01);

}  // namespace panocast
