#pragma once
// Writes RGB frames to a video file (H.264 in MP4 where the system's FFmpeg has an encoder,
// MPEG-4 Part 2 otherwise). Built only where OpenCV is present.
#include <filesystem>
#include <memory>
#include <string>

#include "io/image.h"

namespace panocast {

class VideoWriter {
 public:
  VideoWriter(const std::filesystem::path& path, int width, int height, double fps);
  ~VideoWriter();
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  void write(const ImageU8& rgb);
  // Finishes the file; until then it lives under a temporary name, so a crash or a cancelled
  // recording never leaves a broken file at `path`.
  void close();
  const std::string& codec() const { return codec_; }
  int framesWritten() const { return frames_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::filesystem::path path_, temporary_;
  std::string codec_;
  int width_, height_, frames_ = 0;
};

}  // namespace panocast
