#pragma once
// How visible the stitch lines of an equirectangular panorama are: the horizontal step across
// each seam compared with the same measure everywhere else in the panorama.
//
// Why this measure: where independently generated (or badly blended) views meet, the colours on
// the two sides of the seam disagree along its whole length, while a scene's own edges cross a
// given column only here and there. The step is the difference between the mean colours of the
// `stripWidth` columns on either side of the seam, averaged over rows: averaging a few columns
// keeps a step that a stitcher's blend spreads over several columns, and averages pixel noise
// out. Dividing by the same statistic at every column boundary away from the seams makes the
// score independent of how textured the scene is: ≈ 1 means the seams cannot be told from the
// rest of the image, values well above 1 mean visible seams. A single panorama has only a few
// seams, so an edge of the scene that happens to lie on one moves the score: compare methods
// over many panoramas. Cross-fades as wide as the overlap (triangle blending) leave no step to
// see; the overlap PSNR/SSIM of view_consistency.h measure disagreement of content directly.
#include <ATen/core/Tensor.h>

#include <vector>

#include "geometry/camera.h"

namespace panocast {

struct SeamScoreSettings {
  int rowBegin = 0;           // rows [rowBegin, rowEnd) are scored (e.g. the band every view covers)
  int rowEnd = -1;            // −1: to the bottom
  int stripWidth = 4;         // columns averaged on each side of a boundary
  int backgroundMargin = 16;  // boundaries this close to a seam are not part of the background
};

struct SeamScore {
  double seamStep = 0;        // mean over rows, seams and channels of |right strip − left strip|
  double backgroundStep = 0;  // the same statistic at every boundary away from the seams
  double ratio = 0;           // seamStep / backgroundStep
  int seams = 0;
};

// Longitudes (degrees, −180…180) where a ring's views hand over: halfway between consecutive
// cameras' yaws, which is where nearest-view stitching cuts and blended stitching centres its
// transition.
std::vector<double> ringSeamLongitudes(const std::vector<Camera>& cameras);

// `panorama`: [C, H, W] equirectangular float image (longitude −180° at the left edge, as
// geometry/rays.h). Columns wrap around, so a seam at ±180° is handled too.
SeamScore seamScore(const at::Tensor& panorama, const std::vector<double>& seamLongitudesDeg,
                    const SeamScoreSettings& settings = {});

}  // namespace panocast
