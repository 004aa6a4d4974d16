#pragma once
// Stitches views taken from one centre into an equirectangular panorama.
//
// Triangle blending is MVDiffusion's reference: each view weighted by a horizontal ramp, 0 at its
// left and right edges and 1 in the middle. Seamless blending is multi-band (Burt & Adelson
// 1983): each canvas pixel belongs to the view whose centre is nearest, and the Laplacian
// pyramid levels are blended over widths that grow with the level, so exposure differences fade
// over tens of pixels while detail stays sharp and nothing ghosts. Latitudes no view sees are
// left transparent and reported, never painted.
#include <ATen/core/Tensor.h>

#include <functional>
#include <vector>

#include "geometry/camera.h"
#include "geometry/panorama_renderer.h"

namespace panocast {

enum class BlendMode { Triangle, Seamless };
const char* blendModeName(BlendMode mode);
BlendMode parseBlendMode(const char* name);

struct StitchSettings {
  int width = 4096;                 // canvas width; the height is width / 2
  BlendMode blend = BlendMode::Seamless;
  Interpolation interpolation = Interpolation::Bicubic;
  int pyramidLevels = 6;            // seamless mode only
  int rowsPerChunk = 128;           // bounds memory: views × rows × width samples at a time
};

struct StitchResult {
  at::Tensor image;                 // [C + 1, H, W] float: colour, then alpha (1 where covered)
  int fullRowBegin = 0;             // rows [fullRowBegin, fullRowEnd) are covered in every column
  int fullRowEnd = 0;
  int anyRowBegin = 0;              // rows [anyRowBegin, anyRowEnd) are covered in some column
  int anyRowEnd = 0;
  double coveredFraction = 0;       // of all canvas pixels

  int height() const { return static_cast<int>(image.size(1)); }
  // Latitude (degrees) of the top edge of row `row` of this canvas.
  double latitudeAtRowEdge(int row) const;
};

// `views`: [N, C, h, w] float, one per camera (rectilinear). `onRows(done, total)` reports
// progress and may throw panocast::Cancelled.
StitchResult stitchEquirect(const at::Tensor& views, const std::vector<Camera>& cameras,
                            const StitchSettings& settings = {},
                            const std::function<void(int, int)>& onRows = {});

}  // namespace panocast
