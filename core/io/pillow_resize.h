#pragma once
// Pillow's Image.resize(size, Image.BICUBIC) on 8-bit images, bit for bit (metrics.md §2): CLIP's
// image processor resizes with it, so CLIP scores match transformers only if the pixels do.
// Separable (horizontal pass, then vertical), Keys' kernel with a = −0.5 widened by the scale when
// shrinking (antialiasing), 22-bit fixed-point weights, and an 8-bit image between the passes.
#include "io/image.h"

namespace panocast {

// Any channel count; a dimension that keeps its size is not resampled (as in Pillow).
ImageU8 resizeBicubicLikePillow(const ImageU8& image, int width, int height);

}  // namespace panocast
