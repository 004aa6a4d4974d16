// panocast stitch: views taken around one centre → equirectangular panorama with GPano metadata.
#include <torch/torch.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <regex>

#include "commands.h"
#include "geometry/equirect_stitcher.h"
#include "geometry/rig.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "runtime/device.h"
#include "runtime/error.h"
#include "geometry/panorama_file.h"

namespace panocast::cli {
namespace {

namespace fs = std::filesystem;

bool isImageFile(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp" || ext == ".tga";
}

// Orders view_2.png before view_10.png: by the last number in the name, then by name.
std::vector<fs::path> collectViews(const std::vector<std::string>& arguments) {
  std::vector<fs::path> files;
  for (const auto& argument : arguments) {
    if (fs::is_directory(argument)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::directory_iterator(argument))
        if (entry.is_regular_file() && isImageFile(entry.path())) found.push_back(entry.path());
      // A generated run folder also holds panorama.png: only view_N files are views there.
      std::vector<fs::path> named;
      std::copy_if(found.begin(), found.end(), std::back_inserter(named),
                   [](const fs::path& p) { return p.stem().string().rfind("view_", 0) == 0; });
      files.insert(files.end(), (named.empty() ? found : named).begin(), (named.empty() ? found : named).end());
      if (found.empty()) throw Error(argument + ": no images in this folder");
    } else {
      files.emplace_back(argument);
    }
  }
  auto number = [](const fs::path& p) {
    std::smatch m;
    const std::string stem = p.stem().string();
    return std::regex_search(stem, m, std::regex("(\\d+)(?!.*\\d)")) ? std::stol(m[1]) : -1L;
  };
  std::stable_sort(files.begin(), files.end(), [&](const fs::path& a, const fs::path& b) {
    const long na = number(a), nb = number(b);
    return na != nb ? na < nb : a.filename() < b.filename();
  });
  return files;
}

}  // namespace

void addStitchCommand(CLI::App& app) {
  struct Options {
    std::vector<std::string> views;
    std::string out, blend = "seamless", device = "cpu";
    double fov = 90, pitch = 0, yawOffset = 0;
    int width = 4096;
    bool crop = false;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("stitch", "Stitch N views spaced evenly in yaw into an equirectangular panorama");
  cmd->add_option("--views", o->views, "A folder of views (view_0.png …) or the view files in yaw order")
      ->required();
  cmd->add_option("--fov", o->fov, "Horizontal field of view of every view, degrees")->capture_default_str();
  cmd->add_option("--pitch", o->pitch, "Pitch of the ring, degrees")->capture_default_str();
  cmd->add_option("--yaw-offset", o->yawOffset, "Yaw of the first view, degrees")->capture_default_str();
  cmd->add_option("--width", o->width, "Panorama width (height = width / 2)")->capture_default_str();
  cmd->add_option("--blend", o->blend, "triangle (MVDiffusion's reference) or seamless (multi-band)")
      ->capture_default_str();
  cmd->add_flag("--crop", o->crop, "Keep only the latitudes every column covers (otherwise they are transparent)");
  cmd->add_option("--device", o->device, "cpu, cuda, cuda:N or auto")->capture_default_str();
  cmd->add_option("--out", o->out, "Output PNG (transparency for uncovered latitudes) or JPEG")->required();
  cmd->callback([o] {
    const auto files = collectViews(o->views);
    if (files.size() < 2) throw Error("--views: need at least two views");
    if (!(o->fov > 0 && o->fov < 179)) throw Error("--fov: must be between 0 and 179 degrees");
    const auto device = parseDevice(o->device);
    std::vector<torch::Tensor> images;
    for (const auto& file : files) {
      auto image = toTensor(readImageU8(file, 3));
      if (!images.empty() && image.sizes() != images.front().sizes())
        throw Error(file.string() + ": every view must have the same size as " + files.front().string());
      images.push_back(image);
    }
    auto views = torch::stack(images).to(device);
    const int n = static_cast<int>(files.size());
    Rig rig = Rig::ring(n, o->fov, static_cast<int>(views.size(3)), o->pitch, o->yawOffset);
    std::vector<Camera> cameras = rig.cameras();
    for (auto& camera : cameras) camera.height = static_cast<int>(views.size(2));
    StitchSettings settings;
    settings.width = o->width;
    settings.blend = parseBlendMode(o->blend.c_str());
    auto result = stitchEquirect(views, cameras, settings, [](int done, int total) {
      std::cerr << "\rstitching " << 100 * done / std::max(1, total) << "%" << std::flush;
    });
    std::cerr << "\r              \r";
    std::cout << writeStitchedPanorama(result, settings.width, o->crop, o->out) << n << " views, "
              << blendModeName(settings.blend) << " blend\n";
  });
}

}  // namespace panocast::cli
