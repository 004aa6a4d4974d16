#include "geometry/equirect_stitcher.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <string>

#include "geometry/image_pyramid.h"
#include "geometry/rays.h"
#include "geometry/sampling.h"
#include "runtime/error.h"

namespace panocast {
namespace {

using torch::indexing::Ellipsis;
using torch::indexing::Slice;

// Where each view sees the given world directions: pixel coordinates, whether they fall on the
// image, and the triangle weight. All [N, rows, W] (pixels [N, rows, W, 2]).
struct ViewFootprint {
  torch::Tensor pixels;
  torch::Tensor inside;
  torch::Tensor triangle;
};

// Pixel coordinates of world directions in `camera`; behind the camera they are meaningless,
// so they are parked on the image centre (sampling them is harmless, weights exclude them).
Projected sampleablePixels(const torch::Tensor& directions, const Camera& camera) {
  auto projected = projectToCamera(directions, camera);
  auto centre = torch::tensor({(camera.width - 1) / 2.0, (camera.height - 1) / 2.0}, projected.pixels.options());
  projected.pixels = torch::where(projected.inFront.unsqueeze(-1), projected.pixels, centre);
  return projected;
}

ViewFootprint footprint(const torch::Tensor& directions, const std::vector<Camera>& cameras) {
  std::vector<torch::Tensor> pixels, inside, triangle;
  for (const Camera& camera : cameras) {
    auto projected = sampleablePixels(directions, camera);
    auto x = projected.pixels.index({Ellipsis, 0}), y = projected.pixels.index({Ellipsis, 1});
    auto in = projected.inFront & (x >= -0.5) & (x <= camera.width - 0.5) & (y >= -0.5) & (y <= camera.height - 0.5);
    auto ramp = (1.0 - ((x + 0.5) * (2.0 / camera.width) - 1.0).abs()).clamp_min(0.0);
    pixels.push_back(projected.pixels);
    inside.push_back(in);
    triangle.push_back(ramp * in.to(ramp.dtype()));
  }
  return {torch::stack(pixels), torch::stack(inside), torch::stack(triangle)};
}

void validate(const torch::Tensor& views, const std::vector<Camera>& cameras, const StitchSettings& settings) {
  if (views.dim() != 4) throw Error("stitch: views must be a [N, C, H, W] batch");
  if (views.size(0) != static_cast<int64_t>(cameras.size()))
    throw Error("stitch: " + std::to_string(views.size(0)) + " images but " + std::to_string(cameras.size()) + " cameras");
  if (cameras.empty()) throw Error("stitch: no views");
  for (const Camera& camera : cameras) {
    if (camera.projection != Projection::Rectilinear) throw Error("stitch: views must be rectilinear");
    if (camera.width != views.size(3) || camera.height != views.size(2))
      throw Error("stitch: every view must be " + std::to_string(camera.width) + "×" + std::to_string(camera.height));
  }
  if (settings.width < 16 || settings.width % 2) throw Error("stitch: width must be an even number ≥ 16");
}

}  // namespace

const char* blendModeName(BlendMode mode) { return mode == BlendMode::Triangle ? "triangle" : "seamless"; }

BlendMode parseBlendMode(const char* name) {
  if (!std::strcmp(name, "triangle")) return BlendMode::Triangle;
  if (!std::strcmp(name, "seamless")) return BlendMode::Seamless;
  throw Error(std::string("unknown blend mode '") + name + "' (use triangle or seamless)");
}

double StitchResult::latitudeAtRowEdge(int row) const { return 90.0 - 180.0 * row / height(); }

StitchResult stitchEquirect(const torch::Tensor& viewsIn, const std::vector<Camera>& cameras,
                            const StitchSettings& settings, const std::function<void(int, int)>& onRows) {
  validate(viewsIn, cameras, settings);
  torch::NoGradGuard noGrad;
  const auto views = viewsIn.to(torch::kFloat32);
  const auto device = views.device();
  const int width = settings.width, height = width / 2;
  const int64_t channels = views.size(1);
  const int chunk = std::max(1, settings.rowsPerChunk);
  const int passes = settings.blend == BlendMode::Seamless ? 2 : 1;

  auto canvas = torch::zeros({channels + 1, height, width}, views.options());
  // Seamless blending first needs, for every pixel, the view that owns it.
  auto owner = torch::full({height, width}, -1, torch::TensorOptions().dtype(torch::kInt64).device(device));

  for (int row = 0; row < height; row += chunk) {
    const int end = std::min(height, row + chunk);
    auto directions = equirectDirections(width, height, row, end, device);
    auto fp = footprint(directions, cameras);
    auto weightSum = fp.triangle.sum(0);
    auto covered = fp.inside.any(0);
    canvas.index_put_({channels, Slice(row, end)}, covered.to(torch::kFloat32));
    if (settings.blend == BlendMode::Triangle) {
      auto colours = samplePixels(views, fp.pixels, settings.interpolation);  // [N, C, rows, W]
      auto blended = (colours * fp.triangle.unsqueeze(1)).sum(0) / weightSum.clamp_min(1e-12);
      canvas.index_put_({Slice(0, channels), Slice(row, end)}, blended * covered.to(blended.dtype()));
    } else {
      // Ramp ties (exactly on an edge) go to the view whose centre is nearer in angle via argmax.
      auto best = fp.triangle.argmax(0);
      owner.index_put_({Slice(row, end)}, torch::where(covered, best, torch::full_like(best, -1)));
    }
    if (onRows) onRows(end, height * passes);
  }

  auto alpha = canvas[channels];
  auto coveredRows = alpha.any(1).to(torch::kCPU);
  auto fullRows = alpha.all(1).to(torch::kCPU);
  StitchResult result;
  result.coveredFraction = alpha.mean().item<double>();
  auto firstLast = [&](const torch::Tensor& rows, int& begin, int& end) {
    auto idx = rows.nonzero();
    if (idx.numel() == 0) {
      begin = end = 0;
      return;
    }
    begin = static_cast<int>(idx.min().item<int64_t>());
    end = static_cast<int>(idx.max().item<int64_t>()) + 1;
  };
  firstLast(coveredRows, result.anyRowBegin, result.anyRowEnd);
  firstLast(fullRows, result.fullRowBegin, result.fullRowEnd);

  if (settings.blend == BlendMode::Seamless && result.anyRowEnd > result.anyRowBegin) {
    const int b0 = result.anyRowBegin, b1 = result.anyRowEnd;
    auto bandOwner = owner.index({Slice(b0, b1)});
    // The band's directions are the same for every view: compute them once.
    auto bandDirections = equirectDirections(width, height, b0, b1, device);
    PyramidBlender blender(settings.pyramidLevels);
    for (size_t i = 0; i < cameras.size(); ++i) {
      auto mask = (bandOwner == static_cast<int64_t>(i)).to(torch::kFloat32);
      if (!mask.any().item<bool>()) continue;
      std::vector<torch::Tensor> parts;
      for (int row = b0; row < b1; row += chunk) {
        const int end = std::min(b1, row + chunk);
        auto xy = sampleablePixels(bandDirections.slice(0, row - b0, end - b0), cameras[i]).pixels;
        parts.push_back(samplePixels(views.index({Slice(i, i + 1)}), xy.unsqueeze(0), settings.interpolation)[0]);
      }
      blender.add(torch::cat(parts, 1), mask);
      if (onRows) onRows(height + static_cast<int>(height * (i + 1) / cameras.size()), height * passes);
    }
    auto blended = blender.result();
    auto bandAlpha = alpha.index({Slice(b0, b1)});
    canvas.index_put_({Slice(0, channels), Slice(b0, b1)}, blended * bandAlpha);
  }
  result.image = canvas;
  return result;
}

}  // namespace panocast
