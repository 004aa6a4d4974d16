#include "live/video_writer.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "runtime/error.h"

namespace panocast {

struct VideoWriter::Impl {
  cv::VideoWriter writer;
};

VideoWriter::VideoWriter(const std::filesystem::path& path, int width, int height, double fps)
    : impl_(std::make_unique<Impl>()), path_(path), width_(width), height_(height) {
  if (width <= 0 || height <= 0 || fps <= 0) throw Error(path.string() + ": invalid video size or frame rate");
  if (width % 2 || height % 2) throw Error(path.string() + ": video width and height must be even");
  const auto parent = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(parent)) throw Error(path.string() + ": folder " + parent.string() + " does not exist");
  temporary_ = parent / ("." + path.stem().string() + ".partial" + path.extension().string());
  // H.264 plays everywhere; MPEG-4 Part 2 is the fallback when no H.264 encoder is installed.
  for (const char* fourcc : {"avc1", "mp4v"}) {
    if (impl_->writer.open(temporary_.string(), cv::CAP_FFMPEG,
                           cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]), fps,
                           cv::Size(width, height))) {
      codec_ = fourcc;
      return;
    }
  }
  throw Error(path.string() + ": cannot open a video encoder (is FFmpeg support installed for OpenCV?)");
}

VideoWriter::~VideoWriter() {
  if (impl_->writer.isOpened()) {
    impl_->writer.release();
    std::error_code ec;
    std::filesystem::remove(temporary_, ec);
  }
}

void VideoWriter::write(const ImageU8& rgb) {
  if (rgb.width != width_ || rgb.height != height_ || rgb.channels != 3)
    throw Error(path_.string() + ": frame size does not match the video");
  cv::Mat frame(height_, width_, CV_8UC3, const_cast<uint8_t*>(rgb.pixels.data()));
  cv::Mat bgr;
  cv::cvtColor(frame, bgr, cv::COLOR_RGB2BGR);
  impl_->writer.write(bgr);
  ++frames_;
}

void VideoWriter::close() {
  if (!impl_->writer.isOpened()) return;
  impl_->writer.release();
  std::error_code ec;
  std::filesystem::rename(temporary_, path_, ec);
  if (ec) throw Error(path_.string() + ": cannot move the finished video into place: " + ec.message());
}

}  // namespace panocast
