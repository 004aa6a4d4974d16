#pragma once
// Where models that set-up installs (the MediaPipe selfie segmenters from npm) are found: an
// explicit folder, $PANOCAST_MODELS, the source tree's data/models next to the build, the
// installed package's share folder, or the user's ~/.local/share/panocast/models.
#include <filesystem>
#include <string>
#include <vector>

namespace panocast {

// Candidate model folders in search order; `explicitFolder` first when given.
std::vector<std::filesystem::path> modelSearchFolders(const std::filesystem::path& explicitFolder = {});

// The first existing `relative` path (e.g. "selfie_segmentation/selfie_segmentation.tflite") in
// those folders; throws panocast::Error listing where it looked and how to install it.
std::filesystem::path findModelFile(const std::string& relative, const std::string& howToGet,
                                    const std::filesystem::path& explicitFolder = {});

}  // namespace panocast
