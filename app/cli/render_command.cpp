// panocast render: one view of an equirectangular panorama, or a fly-around video.
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "geometry/panorama_renderer.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "panocast_config.h"
#include "runtime/device.h"
#include "runtime/error.h"
#if PANOCAST_HAVE_OPENCV
#include "live/video_writer.h"
#endif

namespace panocast::cli {
namespace {

struct RenderOptions {
  std::string panorama, out, size = "1280x720", projection = "rectilinear", path, device = "cpu";
  std::string interpolation = "bicubic";
  double yaw = 0, pitch = 0, roll = 0, fov = 90, paniniDistance = 1.0, fps = 30;
  int frames = 0;
};

// Video frames and JPEG have no transparency: uncovered latitudes (alpha 0) show as dark grey.
torch::Tensor flattenAlpha(const torch::Tensor& chw) {
  if (chw.size(0) != 4) return chw.size(0) == 1 ? chw.expand({3, -1, -1}) : chw;
  auto alpha = chw[3].unsqueeze(0).clamp(0, 1);
  return chw.slice(0, 0, 3) * alpha + 0.12 * (1 - alpha);
}


void renderVideo(const torch::Tensor& pano, const Camera& camera, Interpolation interpolation, const RenderOptions& o) {
#if PANOCAST_HAVE_OPENCV
  if (o.frames < 2) throw Error("--frames: a video needs at least 2 frames");
  const auto [yaw0, yaw1] = parseRange(o.path, "--path");
  VideoWriter writer(o.out, camera.width, camera.height, o.fps);
  const YawSweep sweep(pano, camera, interpolation);
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < o.frames; ++i) {
    writer.write(toImageU8(flattenAlpha(sweep.render(yaw0 + (yaw1 - yaw0) * i / (o.frames - 1)))));
    if ((i + 1) % 30 == 0 || i + 1 == o.frames)
      std::cerr << "\rframe " << i + 1 << "/" << o.frames << std::flush;
  }
  writer.close();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "\n";
  std::cout << "wrote " << o.out << ": " << o.frames << " frames " << camera.width << "x" << camera.height << " at "
            << o.fps << " fps (" << writer.codec() << "), rendered at " << o.frames / seconds << " frames/s\n";
#else
  throw Error("video output needs the OpenCV build of panocast (this is an engine-only build)");
#endif
}

void run(const RenderOptions& o) {
  const auto [w, h] = parseSize(o.size, "--size");
  if (!(o.fov > 0 && o.fov < 360)) throw Error("--fov: must be between 0 and 360 degrees");
  Camera camera;
  camera.width = w;
  camera.height = h;
  camera.hfovDeg = o.fov;
  camera.orientation = {o.yaw, o.pitch, o.roll};
  camera.projection = parseProjection(o.projection.c_str());
  camera.paniniDistance = o.paniniDistance;
  if (camera.projection == Projection::Rectilinear && o.fov >= 179)
    throw Error("--fov: rectilinear views need less than 180°; use --projection stereographic for wider views");
  const auto interpolation = o.interpolation == "bilinear" ? Interpolation::Bilinear : Interpolation::Bicubic;
  if (o.interpolation != "bilinear" && o.interpolation != "bicubic")
    throw Error("--interpolation: use bilinear or bicubic");

  const auto device = parseDevice(o.device);
  torch::NoGradGuard noGrad;
  auto pano = toTensor(readImageForDisplay(o.panorama)).to(device);
  requireEquirectangular(pano, o.panorama.c_str());

  if (!o.path.empty() || o.frames > 0) {
    if (o.path.empty()) throw Error("--frames needs --path FROM:TO");
    renderVideo(pano, camera, interpolation, o);
    return;
  }
  auto view = renderView(pano, camera, interpolation);
  const auto extension = std::filesystem::path(o.out).extension();
  if (extension == ".jpg" || extension == ".jpeg") view = flattenAlpha(view);
  writeImage(o.out, toImageU8(view));
  std::cout << "wrote " << o.out << " (" << w << "x" << h << ", " << projectionName(camera.projection) << ", yaw "
            << o.yaw << "°, pitch " << o.pitch << "°, roll " << o.roll << "°, fov " << o.fov << "°)\n";
}

}  // namespace

void addRenderCommand(CLI::App& app) {
  auto options = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Render a view (or a fly-around video) of an equirectangular panorama");
  cmd->add_option("--panorama", options->panorama, "Equirectangular image (PNG, JPEG, EXR, HDR), width = 2 × height")
      ->required();
  cmd->add_option("--yaw", options->yaw, "Degrees; positive turns right");
  cmd->add_option("--pitch", options->pitch, "Degrees; positive looks up");
  cmd->add_option("--roll", options->roll, "Degrees; positive turns the horizon clockwise");
  cmd->add_option("--fov", options->fov, "Horizontal field of view in degrees")->capture_default_str();
  cmd->add_option("--size", options->size, "Output size WxH")->capture_default_str();
  cmd->add_option("--projection", options->projection, "rectilinear, stereographic (little planet) or panini")
      ->capture_default_str();
  cmd->add_option("--panini-distance", options->paniniDistance, "Panini d (0 = rectilinear, 1 = classic)")
      ->capture_default_str();
  cmd->add_option("--interpolation", options->interpolation, "bicubic or bilinear")->capture_default_str();
  cmd->add_option("--path", options->path, "Fly-around: yaw FROM:TO in degrees (writes a video)");
  cmd->add_option("--frames", options->frames, "Fly-around: number of frames");
  cmd->add_option("--fps", options->fps, "Fly-around: frames per second")->capture_default_str();
  cmd->add_option("--device", options->device, "cpu, cuda, cuda:N or auto")->capture_default_str();
  cmd->add_option("--out", options->out, "Output image (.png/.jpg) or video (.mp4)")->required();
  cmd->callback([options] { run(*options); });
}

}  // namespace panocast::cli
