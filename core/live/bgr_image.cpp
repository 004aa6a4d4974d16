#include "live/bgr_image.h"

#include <opencv2/imgproc.hpp>

#include "runtime/error.h"

namespace panocast {

ImageU8 rgbFromBgr(const cv::Mat& bgr) {
  if (bgr.empty() || bgr.depth() != CV_8U || (bgr.channels() != 3 && bgr.channels() != 1))
    throw Error("expected an 8-bit BGR or grey frame");
  ImageU8 image{bgr.cols, bgr.rows, 3, std::vector<uint8_t>(bgr.total() * 3)};
  cv::Mat rgb(bgr.rows, bgr.cols, CV_8UC3, image.pixels.data());
  cv::cvtColor(bgr, rgb, bgr.channels() == 1 ? cv::COLOR_GRAY2RGB : cv::COLOR_BGR2RGB);
  return image;
}

cv::Mat bgrFromImage(const ImageU8& image) {
  if (image.channels < 1 || image.channels > 4 || image.channels == 2 ||
      image.pixels.size() != static_cast<size_t>(image.width) * image.height * image.channels)
    throw Error("expected a grey, RGB or RGBA image whose buffer matches its size");
  const cv::Mat source(image.height, image.width, CV_8UC(image.channels), const_cast<uint8_t*>(image.pixels.data()));
  cv::Mat bgr;
  const int code = image.channels == 1 ? cv::COLOR_GRAY2BGR : image.channels == 4 ? cv::COLOR_RGBA2BGR : cv::COLOR_RGB2BGR;
  cv::cvtColor(source, bgr, code);
  return bgr;
}

}  // namespace panocast
