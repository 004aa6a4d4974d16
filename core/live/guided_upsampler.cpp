#include "live/guided_upsampler.h"

#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "runtime/error.h"

namespace panocast {
namespace {

cv::Mat boxMean(const cv::Mat& m, int radius) {
  cv::Mat out;
  cv::boxFilter(m, out, CV_32F, cv::Size(2 * radius + 1, 2 * radius + 1), cv::Point(-1, -1), true, cv::BORDER_REFLECT);
  return out;
}

// Per pixel of the low-resolution grid: A = (Σ + εI)⁻¹ cov(I, p) and b = mean(p) − A·mean(I),
// Σ the 3×3 colour covariance in the window. Returns the coefficients' window means, [A | b].
cv::Mat fitCoefficients(const cv::Mat& guide, const cv::Mat& p, int radius, double eps) {
  std::vector<cv::Mat> channel;
  cv::split(guide, channel);
  const cv::Mat meanP = boxMean(p, radius);
  cv::Mat meanI[3], covIp[3], var[6];
  for (int c = 0; c < 3; ++c) {
    meanI[c] = boxMean(channel[c], radius);
    covIp[c] = boxMean(channel[c].mul(p), radius) - meanI[c].mul(meanP);
  }
  const int pairs[6][2] = {{0, 0}, {0, 1}, {0, 2}, {1, 1}, {1, 2}, {2, 2}};
  for (int k = 0; k < 6; ++k) {
    const int i = pairs[k][0], j = pairs[k][1];
    var[k] = boxMean(channel[i].mul(channel[j]), radius) - meanI[i].mul(meanI[j]);
  }
  cv::Mat coefficients(p.size(), CV_32FC4);
  const float e = static_cast<float>(eps);
  for (int y = 0; y < p.rows; ++y) {
    cv::Vec4f* out = coefficients.ptr<cv::Vec4f>(y);
    for (int x = 0; x < p.cols; ++x) {
      const float s00 = var[0].at<float>(y, x) + e, s01 = var[1].at<float>(y, x), s02 = var[2].at<float>(y, x);
      const float s11 = var[3].at<float>(y, x) + e, s12 = var[4].at<float>(y, x), s22 = var[5].at<float>(y, x) + e;
      // Inverse of the symmetric 3×3 matrix by cofactors.
      const float c00 = s11 * s22 - s12 * s12, c01 = s02 * s12 - s01 * s22, c02 = s01 * s12 - s02 * s11;
      const float c11 = s00 * s22 - s02 * s02, c12 = s01 * s02 - s00 * s12, c22 = s00 * s11 - s01 * s01;
      const float det = s00 * c00 + s01 * c01 + s02 * c02;
      const float cv0 = covIp[0].at<float>(y, x), cv1 = covIp[1].at<float>(y, x), cv2 = covIp[2].at<float>(y, x);
      const float a0 = (c00 * cv0 + c01 * cv1 + c02 * cv2) / det;
      const float a1 = (c01 * cv0 + c11 * cv1 + c12 * cv2) / det;
      const float a2 = (c02 * cv0 + c12 * cv1 + c22 * cv2) / det;
      const float b = meanP.at<float>(y, x) - a0 * meanI[0].at<float>(y, x) - a1 * meanI[1].at<float>(y, x) -
                      a2 * meanI[2].at<float>(y, x);
      out[x] = cv::Vec4f(a0, a1, a2, b);
    }
  }
  return boxMean(coefficients, radius);
}

}  // namespace

cv::Mat guidedUpsample(const cv::Mat& mask, const cv::Mat& frame, const GuidedUpsampling& settings) {
  if (mask.empty() || mask.type() != CV_32F) throw Error("guided upsampling: expected a float mask");
  if (frame.empty() || frame.type() != CV_8UC3) throw Error("guided upsampling: expected an 8-bit colour frame");
  if (settings.radius < 1 || settings.subsample < 1 || !(settings.eps > 0))
    throw Error("guided upsampling: radius and subsampling must be ≥ 1 and eps positive");

  const int s = settings.subsample;
  const cv::Size low(std::max(1, frame.cols / s), std::max(1, frame.rows / s));
  const int radius = std::max(1, static_cast<int>(std::lround(static_cast<double>(settings.radius) / s)));
  cv::Mat guide8, guide, p;
  cv::resize(frame, guide8, low, 0, 0, cv::INTER_AREA);
  guide8.convertTo(guide, CV_32FC3, 1.0 / 255.0);
  cv::resize(mask, p, low, 0, 0, mask.cols > low.width ? cv::INTER_AREA : cv::INTER_LINEAR);

  cv::Mat coefficients;
  cv::resize(fitCoefficients(guide, p, radius, settings.eps), coefficients, frame.size(), 0, 0, cv::INTER_LINEAR);

  // alpha = A·rgb + b at every frame pixel (rgb of the full frame, BGR order as stored).
  cv::Mat out(frame.size(), CV_32F);
  cv::parallel_for_(cv::Range(0, frame.rows), [&](const cv::Range& rows) {
    constexpr float k = 1.0f / 255.0f;
    for (int y = rows.start; y < rows.end; ++y) {
      const cv::Vec3b* px = frame.ptr<cv::Vec3b>(y);
      const cv::Vec4f* c = coefficients.ptr<cv::Vec4f>(y);
      float* o = out.ptr<float>(y);
      for (int x = 0; x < frame.cols; ++x)
        o[x] = (c[x][0] * px[x][0] + c[x][1] * px[x][1] + c[x][2] * px[x][2]) * k + c[x][3];
    }
  });
  return out;
}

}  // namespace panocast
