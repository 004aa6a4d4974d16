#pragma once
// Writes RGB frames to a video file. Preferred path: the system's `ffmpeg` program fed raw frames
// through a pipe, encoding H.264 into fragmented MP4 (or Matroska for .mkv) written straight to
// the destination, with the audio of another file muxed in when asked. A fragment closes every
// second, so a recording cut short by a crash or a kill stays playable up to its last second; if
// only our process dies, ffmpeg sees the pipe close and finishes the file cleanly.
// Fallback when no ffmpeg program is installed: OpenCV's writer (H.264 or MPEG-4 Part 2, no
// audio), into a temporary name that is moved into place by close().
#include <filesystem>
#include <memory>
#include <string>

#include "io/image.h"

namespace panocast {

struct VideoWriterOptions {
  std::filesystem::path audioFrom;  // copy this file's first audio track, if it has one
  int quality = 20;                 // x264 CRF: lower is better and larger
};

class VideoWriter {
 public:
  VideoWriter(const std::filesystem::path& path, int width, int height, double fps,
              const VideoWriterOptions& options = {});
  ~VideoWriter();  // finishes the file with the frames written so far
  VideoWriter(const VideoWriter&) = delete;
  VideoWriter& operator=(const VideoWriter&) = delete;

  void write(const ImageU8& rgb);
  // Finishes the file; throws panocast::Error when the encoder failed.
  void close();
  const std::string& codec() const { return codec_; }
  int framesWritten() const { return frames_; }
  bool crashSafe() const;  // true on the ffmpeg path (fragmented, written in place)

  struct Backend;

 private:
  std::unique_ptr<Backend> backend_;
  std::filesystem::path path_;
  std::string codec_;
  int width_, height_, frames_ = 0;
};

// The `ffmpeg` program the writer uses ($PANOCAST_FFMPEG, else the first on $PATH); empty if none.
std::filesystem::path findFfmpeg();

}  // namespace panocast
