#include "metrics/seam_score.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>
#include <string>

#include "geometry/orientation.h"
#include "runtime/error.h"

namespace panocast {

std::vector<double> ringSeamLongitudes(const std::vector<Camera>& cameras) {
  std::vector<double> seams;
  const size_t n = cameras.size();
  if (n < 2) return seams;
  for (size_t i = 0; i < n; ++i) {
    const double yaw = cameras[i].orientation.yawDeg;
    // The forward angle to the next camera, in (0, 360]: the wrap pair's yaws differ by −315°.
    double step = std::fmod(cameras[(i + 1) % n].orientation.yawDeg - yaw, 360.0);
    if (step <= 0) step += 360.0;
    seams.push_back(wrapDegrees(yaw + step / 2));
  }
  return seams;
}

SeamScore seamScore(const torch::Tensor& panorama, const std::vector<double>& seamLongitudesDeg,
                    const SeamScoreSettings& settings) {
  if (panorama.dim() != 3) throw Error("seam score: expected a [channels, height, width] panorama");
  const int64_t height = panorama.size(1), width = panorama.size(2);
  if (seamLongitudesDeg.empty()) throw Error("seam score: no seam longitudes given");
  const int64_t rowEnd = settings.rowEnd < 0 ? height : settings.rowEnd;
  if (settings.rowBegin < 0 || settings.rowBegin >= rowEnd || rowEnd > height)
    throw Error("seam score: rows [" + std::to_string(settings.rowBegin) + ", " + std::to_string(rowEnd) +
                ") are outside the panorama's " + std::to_string(height) + " rows");
  const int strip = settings.stripWidth;
  if (strip < 1 || settings.backgroundMargin < strip || 2 * settings.backgroundMargin + 1 >= width)
    throw Error("seam score: need 1 ≤ stripWidth ≤ backgroundMargin and a margin much smaller than the width");

  auto image = panorama.detach().to(torch::kCPU, torch::kFloat64).slice(1, settings.rowBegin, rowEnd);
  // step[r, c]: mean colour of columns c … c+k−1 minus that of c−k … c−1 (columns wrap), so at
  // boundary c: rolling by t moves column c−t to c.
  auto left = torch::zeros_like(image), right = torch::zeros_like(image);
  for (int t = 0; t < strip; ++t) {
    left += torch::roll(image, t + 1, 2);
    right += torch::roll(image, -t, 2);
  }
  auto step = ((right - left) / strip).abs().mean(0);

  // Boundary c sits at u = c; longitude L at u = (L/360 + 0.5)·W.
  auto nearSeam = torch::zeros({width}, torch::kBool);
  std::vector<int64_t> seamColumns;
  for (double longitude : seamLongitudesDeg) {
    const double u = (wrapDegrees(longitude) / 360.0 + 0.5) * static_cast<double>(width);
    const int64_t column = static_cast<int64_t>(std::llround(u)) % width;
    seamColumns.push_back(column);
    for (int64_t d = -settings.backgroundMargin; d <= settings.backgroundMargin; ++d)
      nearSeam[((column + d) % width + width) % width] = true;
  }
  auto seamStep = step.index_select(1, torch::tensor(seamColumns, torch::kInt64)).mean().item<double>();
  auto backgroundColumns = torch::nonzero(~nearSeam).squeeze(1);
  if (backgroundColumns.numel() == 0) throw Error("seam score: the seams leave no background columns to compare with");
  auto backgroundStep = step.index_select(1, backgroundColumns).mean().item<double>();

  SeamScore score;
  score.seamStep = seamStep;
  score.backgroundStep = backgroundStep;
  // A flat panorama has no steps anywhere: call its seams invisible rather than dividing by 0.
  if (backgroundStep > 0)
    score.ratio = seamStep / backgroundStep;
  else
    score.ratio = seamStep > 0 ? std::numeric_limits<double>::infinity() : 1.0;
  score.seams = static_cast<int>(seamColumns.size());
  return score;
}

}  // namespace panocast
