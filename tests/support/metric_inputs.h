// Inputs for metrics tests, made from the Blender sample panoramas: panorama runs as the
// generator writes them, and folders of crops standing in for real reference photos.
#pragma once
#include <ATen/core/Tensor.h>

#include <filesystem>
#include <string>
#include <vector>

#include "geometry/rig.h"

namespace panocast::test {

at::Tensor samplePanorama(const std::string& name);
// The ring's views as the generator delivers them: rendered, then stored as 8-bit.
at::Tensor ringViews(const at::Tensor& panorama, const Rig& rig);
// A `panocast generate --method` folder: view_k.png, panorama.png (seamless stitch) and run.json
// (with `prompts` when given: one for all views or one per view).
void writeRun(const std::filesystem::path& folder, const at::Tensor& views, const Rig& rig, const std::string& method,
              const std::vector<std::string>& prompts = {});
// `count` square crops of a sample panorama: the camera looks around at several yaws and pitches.
void writeCrops(const std::filesystem::path& folder, const std::string& sample, int count, int size, double yawOffset);

}  // namespace panocast::test
