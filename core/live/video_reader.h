#pragma once
// Reads the frames of a video file (whatever the system's FFmpeg decodes) as 8-bit BGR, with
// their timestamps. Built only where OpenCV is present.
#include <opencv2/core.hpp>

#include <filesystem>
#include <memory>

namespace panocast {

class VideoReader {
 public:
  // Throws panocast::Error when the file is missing or holds no decodable video.
  explicit VideoReader(const std::filesystem::path& path);
  ~VideoReader();
  VideoReader(const VideoReader&) = delete;
  VideoReader& operator=(const VideoReader&) = delete;

  // The next frame (BGR); false at the end of the video.
  bool read(cv::Mat& bgr);
  // Seconds from the first frame to the frame `read` returned last.
  double timeSeconds() const { return time_; }
  double fps() const { return fps_; }              // 0 when the container does not say
  int frameCountEstimate() const { return count_; }  // from the container; may be 0 or off by a few
  int width() const { return width_; }
  int height() const { return height_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::filesystem::path path_;
  double fps_ = 0, time_ = 0, firstStampMs_ = -1, lastStampMs_ = -1;
  int count_ = 0, width_ = 0, height_ = 0, index_ = -1;
  bool useStamps_ = true;
};

}  // namespace panocast
