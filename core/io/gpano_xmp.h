#pragma once
// Google Photo Sphere (GPano) XMP, so that viewers and photo sites recognise a 360° image and
// place a cropped band (MVDiffusion generates latitudes ±42.5° only) at the right latitude.
#include <string>

namespace panocast {

struct GPanoCrop {
  int fullWidth = 0, fullHeight = 0;      // the complete 360°×180° canvas
  int left = 0, top = 0;                  // where the stored image sits in it
  int width = 0, height = 0;              // the stored image
};

std::string gpanoXmp(const GPanoCrop& crop);

}  // namespace panocast
