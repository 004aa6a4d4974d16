#include "live/mask_refiner.h"

#include <opencv2/imgproc.hpp>

#include "live/guided_upsampler.h"
#include "runtime/error.h"

namespace panocast {
namespace {

// MediaPipe's polynomial for 1 − (1 − H(p))², H the binary entropy: 0 for confident pixels,
// 1 at p = 0.5.
float uncertainty(float p) {
  const float t = p - 0.5f;
  const float x = t * t;
  const float poly = x * (5.68842f + x * (-0.748699f + x * (-57.8051f + x * (291.309f + x * -624.717f))));
  return 1.0f - std::min(1.0f, poly);
}

// Components of `binary` (8-bit, 0/255) smaller than `minArea`; with `skipBorder`, those touching
// the image border are kept (background reaching the edge is not a hole).
cv::Mat smallComponents(const cv::Mat& binary, double minArea, bool skipBorder) {
  cv::Mat labels, stats, centroids;
  const int count = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
  std::vector<uint8_t> small(static_cast<size_t>(count), 0);
  for (int i = 1; i < count; ++i) {
    const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
    const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    const bool touchesBorder = x == 0 || y == 0 || x + w == binary.cols || y + h == binary.rows;
    small[static_cast<size_t>(i)] = stats.at<int>(i, cv::CC_STAT_AREA) < minArea && !(skipBorder && touchesBorder);
  }
  cv::Mat out(binary.size(), CV_8U);
  for (int y = 0; y < labels.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uint8_t* o = out.ptr<uint8_t>(y);
    for (int x = 0; x < labels.cols; ++x) o[x] = small[static_cast<size_t>(l[x])] ? 255 : 0;
  }
  return out;
}

}  // namespace

cv::Mat smoothTemporally(const cv::Mat& probability, const cv::Mat& previous, double ratio) {
  if (previous.empty() || previous.size() != probability.size() || ratio <= 0) return probability.clone();
  cv::Mat out(probability.size(), CV_32F);
  const float r = static_cast<float>(std::min(1.0, ratio));
  for (int y = 0; y < out.rows; ++y) {
    const float* p = probability.ptr<float>(y);
    const float* q = previous.ptr<float>(y);
    float* o = out.ptr<float>(y);
    for (int x = 0; x < out.cols; ++x) o[x] = p[x] + (q[x] - p[x]) * uncertainty(p[x]) * r;
  }
  return out;
}

cv::Mat fillHolesAndRemoveIslands(const cv::Mat& probability, double threshold, double minHoleFraction,
                                  double minIslandFraction) {
  const double area = static_cast<double>(probability.total());
  cv::Mat person;
  cv::compare(probability, threshold, person, cv::CMP_GT);
  cv::Mat background;
  cv::bitwise_not(person, background);
  const cv::Mat islands = smallComponents(person, minIslandFraction * area, /*skipBorder=*/false);
  const cv::Mat holes = smallComponents(background, minHoleFraction * area, /*skipBorder=*/true);
  cv::Mat out = probability.clone();
  out.setTo(0.0f, islands);
  out.setTo(1.0f, holes);
  return out;
}

cv::Mat featherOutward(const cv::Mat& alpha, int radius) {
  if (radius <= 0) return alpha.clone();
  // Dilating first with the blur's own square window moves the soft edge outward by `radius`:
  // every pixel the blur averages then holds at least the centre's alpha, so alpha never drops
  // inside the original person region (feathering without a halo cut into hair).
  cv::Mat grown, out;
  cv::dilate(alpha, grown, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2 * radius + 1, 2 * radius + 1)));
  cv::blur(grown, out, cv::Size(2 * radius + 1, 2 * radius + 1), cv::Point(-1, -1), cv::BORDER_REPLICATE);
  cv::max(out, alpha, out);  // exact: the box sum may round a run of ones to 0.99999994
  return out;
}

cv::Mat MaskRefiner::refine(const cv::Mat& probability, const cv::Mat& frame) {
  if (probability.empty() || probability.type() != CV_32F) throw Error("mask refiner: expected a float probability map");
  if (frame.empty() || frame.depth() != CV_8U || (frame.channels() != 3 && frame.channels() != 1))
    throw Error("mask refiner: expected an 8-bit BGR or grey frame");
  cv::Mat colour = frame;
  if (frame.channels() == 1) cv::cvtColor(frame, colour, cv::COLOR_GRAY2BGR);

  // Smoothing and the hole/island analysis run at the probability's own size (the model's, in
  // the live path): they gain nothing from more pixels, and the frame-size work is left to the
  // edge-aware upsampling.
  cv::Mat smoothed = smoothTemporally(probability, previous_, settings_.smoothing);
  previous_ = smoothed;
  const cv::Mat cleaned = fillHolesAndRemoveIslands(smoothed, settings_.threshold, settings_.minHoleFraction,
                                                    settings_.minIslandFraction);
  cv::Mat alpha;
  if (settings_.guidedRadius > 0) {
    alpha = guidedUpsample(cleaned, colour, {settings_.guidedRadius, settings_.guidedEps, settings_.guidedSubsample});
  } else if (cleaned.size() != frame.size()) {
    cv::resize(cleaned, alpha, frame.size(), 0, 0, cv::INTER_LINEAR);
  } else {
    alpha = cleaned;
  }
  if (settings_.clipWhite - settings_.clipBlack < 0.05 || settings_.clipBlack < 0 || settings_.clipWhite > 1)
    throw Error("mask refiner: clip black/white must satisfy 0 ≤ black < white ≤ 1");
  alpha.convertTo(alpha, CV_32F, 1.0 / (settings_.clipWhite - settings_.clipBlack),
                  -settings_.clipBlack / (settings_.clipWhite - settings_.clipBlack));
  cv::min(cv::max(alpha, 0.0), 1.0, alpha);
  return featherOutward(alpha, settings_.featherPx);
}

}  // namespace panocast
