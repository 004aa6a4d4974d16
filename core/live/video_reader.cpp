#include "live/video_reader.h"

#include <opencv2/videoio.hpp>

#include <cmath>

#include "runtime/error.h"

namespace panocast {

struct VideoReader::Impl {
  cv::VideoCapture capture;
};

VideoReader::VideoReader(const std::filesystem::path& path) : impl_(std::make_unique<Impl>()), path_(path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw Error(path.string() + ": no such file");
  if (std::filesystem::is_directory(path, ec)) throw Error(path.string() + ": is a folder, not a video file");
  if (!impl_->capture.open(path.string(), cv::CAP_FFMPEG) || !impl_->capture.isOpened())
    throw Error(path.string() + ": cannot read it as a video (not a video file, or no decoder for its format)");
  fps_ = impl_->capture.get(cv::CAP_PROP_FPS);
  if (!(fps_ > 0 && fps_ < 1000)) fps_ = 0;
  count_ = std::max(0, static_cast<int>(impl_->capture.get(cv::CAP_PROP_FRAME_COUNT)));
  width_ = static_cast<int>(impl_->capture.get(cv::CAP_PROP_FRAME_WIDTH));
  height_ = static_cast<int>(impl_->capture.get(cv::CAP_PROP_FRAME_HEIGHT));
}

VideoReader::~VideoReader() = default;

bool VideoReader::read(cv::Mat& bgr) {
  if (!impl_->capture.read(bgr) || bgr.empty()) return false;
  ++index_;
  if (bgr.type() != CV_8UC3) throw Error(path_.string() + ": frames are not 8-bit colour images");
  // Container timestamps are right for variable-frame-rate recordings (webcams often are);
  // frame index / fps stands in from the first timestamp that is missing or goes backwards.
  const double stampMs = impl_->capture.get(cv::CAP_PROP_POS_MSEC);
  if (index_ == 0) firstStampMs_ = stampMs;
  if (useStamps_ && std::isfinite(stampMs) && stampMs >= 0 && (index_ == 0 || stampMs > lastStampMs_)) {
    lastStampMs_ = stampMs;
    time_ = (stampMs - firstStampMs_) / 1000.0;
  } else {
    useStamps_ = false;
    time_ = fps_ > 0 ? index_ / fps_ : 0.0;
  }
  return true;
}

}  // namespace panocast
