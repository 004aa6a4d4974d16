#pragma once
// HDR → display conversion for the Blender sample panoramas and any .exr/.hdr the user opens.
#include "io/image.h"

namespace panocast {

struct ToneMapSettings {
  // Exposure in stops added after automatic exposure (which maps the log-average luminance to
  // middle grey, Reinhard et al. 2002's "key" 0.18).
  float exposureStops = 0.0f;
  bool autoExposure = true;
};

// Filmic (ACES fitted curve, Narkowicz 2015) tone mapping followed by the sRGB transfer curve.
ImageU8 toneMap(const ImageF32& hdr, const ToneMapSettings& settings = {});

// Converts 0..1 linear-or-display floats straight to 8 bits (no curve): for LDR float images.
ImageU8 quantize(const ImageF32& image);

}  // namespace panocast
