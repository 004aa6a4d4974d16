#include "live/video_writer.h"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <opencv2/videoio.hpp>
#include <optional>
#include <sstream>

#include "live/bgr_image.h"
#include "runtime/child_process.h"
#include "runtime/error.h"

namespace panocast {
namespace fs = std::filesystem;

struct VideoWriter::Backend {
  virtual ~Backend() = default;
  virtual bool crashSafe() const = 0;
  virtual void write(const ImageU8& rgb) = 0;
  virtual void close() = 0;
};

namespace {

std::string lowerExtension(const fs::path& path) {
  auto ext = path.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Raw RGB frames piped into ffmpeg, H.264 out, written in place as fragments of one second.
class FfmpegBackend : public VideoWriter::Backend {
 public:
  FfmpegBackend(const fs::path& ffmpeg, const fs::path& path, int width, int height, double fps,
                const VideoWriterOptions& options)
      : path_(path), frameBytes_(static_cast<size_t>(width) * height * 3) {
    std::ostringstream rate, size, gop;
    rate.precision(10);
    rate << fps;
    size << width << 'x' << height;
    gop << std::max(1L, std::lround(fps));
    std::vector<std::string> args{"-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                                  "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", size.str(), "-r", rate.str(), "-i", "pipe:0"};
    // Audio from the source file, when it has some: stream copy is not safe for every container
    // pair, so AAC; -shortest ends it with the last picture (a recording cut short, --frames).
    if (!options.audioFrom.empty()) {
      args.insert(args.end(), {"-thread_queue_size", "64", "-i", options.audioFrom.string(), "-map", "0:v:0", "-map",
                               "1:a:0?", "-c:a", "aac", "-b:a", "160k", "-shortest"});
    }
    args.insert(args.end(), {"-c:v", "libx264", "-preset", "veryfast", "-crf", std::to_string(options.quality),
                             "-pix_fmt", "yuv420p", "-g", gop.str()});
    const auto ext = lowerExtension(path);
    if (ext == ".mp4" || ext == ".mov" || ext == ".m4v")
      args.insert(args.end(), {"-movflags", "+frag_keyframe+empty_moov+default_base_moof"});
    // Each finished fragment goes to disk at once, not when ffmpeg's 32 KB output buffer fills:
    // otherwise a killed recording of easy-to-compress frames can be left without even a header.
    args.insert(args.end(), {"-flush_packets", "1"});
    args.push_back(path.string());
    process_.emplace(ffmpeg, args);
  }

  bool crashSafe() const override { return true; }

  void write(const ImageU8& rgb) override {
    if (!process_ || !process_->write(rgb.pixels.data(), frameBytes_)) fail("stopped accepting frames");
  }

  void close() override {
    if (!process_) return;
    const int status = process_->finish();
    if (status != 0) fail("failed (exit status " + std::to_string(status) + ")");
    process_.reset();
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    std::string message = path_.string() + ": the ffmpeg encoder " + what;
    if (process_) {
      process_->finish();
      const auto tail = process_->errorTail();
      if (!tail.empty()) message += ": " + tail;
      process_.reset();
    }
    throw Error(message);
  }

  fs::path path_;
  size_t frameBytes_;
  std::optional<ChildProcess> process_;
};

// OpenCV's writer into a temporary name; close() moves the finished file into place.
class OpenCvBackend : public VideoWriter::Backend {
 public:
  OpenCvBackend(const fs::path& path, int width, int height, double fps, std::string& codec) : path_(path) {
    const auto parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    temporary_ = parent / ("." + path.stem().string() + ".partial" + path.extension().string());
    // H.264 plays everywhere; MPEG-4 Part 2 is the fallback when no H.264 encoder is installed.
    for (const char* fourcc : {"avc1", "mp4v"}) {
      if (writer_.open(temporary_.string(), cv::CAP_FFMPEG, cv::VideoWriter::fourcc(fourcc[0], fourcc[1], fourcc[2], fourcc[3]),
                       fps, cv::Size(width, height))) {
        codec = std::string(fourcc) + " (OpenCV)";
        return;
      }
    }
    throw Error(path.string() + ": cannot open a video encoder (install ffmpeg, or OpenCV with FFmpeg support)");
  }
  ~OpenCvBackend() override {
    try {
      close();  // keep what was recorded
    } catch (...) {
    }
  }

  bool crashSafe() const override { return false; }

  void write(const ImageU8& rgb) override {
    writer_.write(bgrFromImage(rgb));
  }

  void close() override {
    if (!writer_.isOpened()) return;
    writer_.release();
    std::error_code ec;
    fs::rename(temporary_, path_, ec);
    if (ec) throw Error(path_.string() + ": cannot move the finished video into place: " + ec.message());
  }

 private:
  cv::VideoWriter writer_;
  fs::path path_, temporary_;
};

}  // namespace

fs::path findFfmpeg() {
  if (const char* forced = std::getenv("PANOCAST_FFMPEG"); forced && *forced) {
    // An empty-named or missing program means "do not use ffmpeg" (tests of the fallback).
    return access(forced, X_OK) == 0 ? fs::path(forced) : fs::path();
  }
  const char* path = std::getenv("PATH");
  std::stringstream folders(path ? path : "/usr/bin:/bin");
  for (std::string folder; std::getline(folders, folder, ':');) {
    const fs::path candidate = fs::path(folder.empty() ? "." : folder) / "ffmpeg";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return {};
}

VideoWriter::VideoWriter(const fs::path& path, int width, int height, double fps, const VideoWriterOptions& options)
    : path_(path), width_(width), height_(height) {
  if (width <= 0 || height <= 0 || !(fps > 0) || fps > 1000) throw Error(path.string() + ": invalid video size or frame rate");
  if (width % 2 || height % 2) throw Error(path.string() + ": video width and height must be even");
  const auto parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
  if (!fs::is_directory(parent)) throw Error(path.string() + ": folder " + parent.string() + " does not exist");
  const auto ext = lowerExtension(path);
  if (ext != ".mp4" && ext != ".mkv" && ext != ".mov" && ext != ".m4v")
    throw Error(path.string() + ": videos are written as .mp4 or .mkv");
  if (const auto ffmpeg = findFfmpeg(); !ffmpeg.empty()) {
    backend_ = std::make_unique<FfmpegBackend>(ffmpeg, path, width, height, fps, options);
    codec_ = "h264 (ffmpeg)";
  } else {
    if (ext == ".mkv") throw Error(path.string() + ": .mkv needs the ffmpeg program; write .mp4");
    backend_ = std::make_unique<OpenCvBackend>(path, width, height, fps, codec_);
  }
}

VideoWriter::~VideoWriter() {
  try {
    backend_.reset();
  } catch (...) {
  }
}

bool VideoWriter::crashSafe() const { return backend_ && backend_->crashSafe(); }

void VideoWriter::write(const ImageU8& rgb) {
  if (!backend_) throw Error(path_.string() + ": the video is already closed");
  if (rgb.width != width_ || rgb.height != height_ || rgb.channels != 3)
    throw Error(path_.string() + ": frame size does not match the video");
  backend_->write(rgb);
  ++frames_;
}

void VideoWriter::close() {
  if (!backend_) return;
  auto backend = std::move(backend_);
  backend->close();
}

}  // namespace panocast
