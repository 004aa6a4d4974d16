#pragma once
// Writing a stitched panorama the way every job does: the full 2:1 canvas with uncovered
// latitudes transparent (or cropped to the latitudes every column covers), GPano XMP metadata so
// photo viewers treat it as 360°, and a summary line of what is covered.
#include <filesystem>
#include <string>

#include "geometry/equirect_stitcher.h"

namespace panocast {

// Returns a one-paragraph description of what was written and what the views cover.
std::string writeStitchedPanorama(const StitchResult& result, int width, bool crop, const std::filesystem::path& out);

}  // namespace panocast
