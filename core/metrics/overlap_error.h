#pragma once
// Where neighbouring views of a panorama run disagree, pixel by pixel: for every view, the
// absolute difference to its right-hand neighbour warped into it (view_consistency.h's warp),
// averaged over the colour channels. The Compare tab draws these as heat maps at the seams.
// The interface holds no LibTorch types.
#include <filesystem>
#include <vector>

#include "io/image.h"

namespace panocast {

struct OverlapErrorMaps {
  std::vector<ImageF32> maps;    // one per view, 1 channel, 0–255 scale; NaN outside the overlap
  std::vector<double> psnrDb;    // per pair k (view k vs k+1; the last is the wrap pair)
  double meanPsnrDb = 0;
};

// `folder`: a panorama run (view_0.png … and run.json, or 90° views without it). Throws
// panocast::Error when it cannot be read as a ring.
OverlapErrorMaps overlapErrorMaps(const std::filesystem::path& runFolder);

}  // namespace panocast
