// Recording: frames, rate and size survive a round trip; the source's audio is carried over; a
// recording cut short by a crash (ours, or ffmpeg's too) stays playable; encoder failures are
// reported; without the ffmpeg program OpenCV's writer takes over.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <opencv2/core.hpp>
#include <string>
#include <thread>

#include "live/video_reader.h"
#include "live/video_writer.h"
#include "runtime/error.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {

constexpr int kWidth = 160, kHeight = 120;

// Frame i: grey background with a white bar whose position encodes i.
ImageU8 numberedFrame(int i) {
  ImageU8 image{kWidth, kHeight, 3, std::vector<uint8_t>(kWidth * kHeight * 3, 60)};
  const int x0 = (i * 4) % (kWidth - 8);
  for (int y = 0; y < kHeight; ++y)
    for (int x = x0; x < x0 + 8; ++x)
      for (int c = 0; c < 3; ++c) image.pixels[(y * kWidth + x) * 3 + c] = 240;
  return image;
}

int barPosition(const cv::Mat& bgr) {
  int best = 0, bestValue = -1;
  for (int x = 0; x < bgr.cols; ++x) {
    const int v = bgr.at<cv::Vec3b>(bgr.rows / 2, x)[1];
    if (v > bestValue) bestValue = v, best = x;
  }
  return best;
}

int countFrames(const fs::path& path) {
  try {
    VideoReader reader(path);
    cv::Mat frame;
    int n = 0;
    while (reader.read(frame)) ++n;
    return n;
  } catch (const Error&) {
    return -1;
  }
}

std::string run(const std::string& command) {
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe)) output += buffer;
    pclose(pipe);
  }
  return output;
}

class VideoIo : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() / ("panocast-video-" + std::to_string(getpid()) + "-" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(folder_);
  }
  void TearDown() override {
    unsetenv("PANOCAST_FFMPEG");
    fs::remove_all(folder_);
  }
  fs::path folder_;
};

#define REQUIRE_FFMPEG() \
  if (findFfmpeg().empty()) GTEST_SKIP() << "the ffmpeg program is not installed"

TEST_F(VideoIo, RoundTripKeepsFramesRateAndSize) {
  REQUIRE_FFMPEG();
  const auto path = folder_ / "clip.mp4";
  {
    VideoWriter writer(path, kWidth, kHeight, 25);
    EXPECT_TRUE(writer.crashSafe());
    for (int i = 0; i < 40; ++i) writer.write(numberedFrame(i));
    writer.close();
  }
  VideoReader reader(path);
  EXPECT_EQ(reader.width(), kWidth);
  EXPECT_EQ(reader.height(), kHeight);
  EXPECT_NEAR(reader.fps(), 25.0, 1e-3);
  cv::Mat frame;
  int n = 0;
  while (reader.read(frame)) {
    EXPECT_NEAR(barPosition(frame), (n * 4) % (kWidth - 8) + 3, 3) << "frame " << n;
    EXPECT_NEAR(reader.timeSeconds(), n / 25.0, 1e-3);
    ++n;
  }
  EXPECT_EQ(n, 40);
}

TEST_F(VideoIo, AudioOfTheSourceIsCarriedOver) {
  REQUIRE_FFMPEG();
  const auto source = folder_ / "source.mp4";
  run("ffmpeg -v error -f lavfi -i testsrc=size=160x120:rate=30 -f lavfi -i sine=frequency=440 -t 2 -c:v libx264 "
      "-c:a aac -shortest -y " + source.string() + " 2>&1");
  ASSERT_TRUE(fs::exists(source));
  const auto out = folder_ / "out.mp4";
  VideoWriterOptions options;
  options.audioFrom = source;
  VideoWriter writer(out, kWidth, kHeight, 30, options);
  for (int i = 0; i < 45; ++i) writer.write(numberedFrame(i));
  writer.close();
  const auto streams = run("ffprobe -v error -show_entries stream=codec_type,duration -of csv=p=0 " + out.string());
  EXPECT_NE(streams.find("video"), std::string::npos) << streams;
  EXPECT_NE(streams.find("audio"), std::string::npos) << streams;
  EXPECT_EQ(countFrames(out), 45);

  // A source without audio gives a video without audio, and no error.
  const auto silent = folder_ / "silent.mp4";
  options.audioFrom = out.string() + ".none.mp4";
  run("ffmpeg -v error -f lavfi -i testsrc=size=160x120:rate=30 -t 1 -c:v libx264 -y " + options.audioFrom.string());
  VideoWriter quiet(silent, kWidth, kHeight, 30, options);
  for (int i = 0; i < 10; ++i) quiet.write(numberedFrame(i));
  quiet.close();
  EXPECT_EQ(countFrames(silent), 10);
}

// The recording process dies without closing anything; ffmpeg sees its input end and finishes
// the file, so every frame handed over is kept.
TEST_F(VideoIo, RecordingSurvivesACrashOfTheRecorder) {
  REQUIRE_FFMPEG();
  const auto path = folder_ / "crash.mp4";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    VideoWriter writer(path, kWidth, kHeight, 30);
    for (int i = 0; i < 50; ++i) writer.write(numberedFrame(i));
    _exit(3);  // no destructors, no close(): a crash
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 3);
  int frames = -1;
  for (int attempt = 0; attempt < 100 && frames != 50; ++attempt) {  // ffmpeg finishes on its own
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    frames = countFrames(path);
  }
  EXPECT_EQ(frames, 50);
}

// Both the recorder and ffmpeg are killed mid-recording: the fragments written so far (one per
// second) still play.
TEST_F(VideoIo, RecordingKilledWithItsEncoderStaysPlayable) {
  REQUIRE_FFMPEG();
  const auto path = folder_ / "killed.mp4";
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    setpgid(0, 0);  // ffmpeg inherits the group, so one kill takes both
    VideoWriter writer(path, kWidth, kHeight, 30);
    for (int i = 0; i < 120; ++i) writer.write(numberedFrame(i));
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));  // recording goes on
    kill(0, SIGKILL);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const int frames = countFrames(path);
  EXPECT_GE(frames, 60) << "at most the last second may be lost";
  EXPECT_LE(frames, 120);
}

TEST_F(VideoIo, EncoderFailureIsReported) {
  setenv("PANOCAST_FFMPEG", "/bin/false", 1);
  const auto path = folder_ / "failed.mp4";
  try {
    VideoWriter writer(path, kWidth, kHeight, 30);
    for (int i = 0; i < 10; ++i) writer.write(numberedFrame(i));
    writer.close();
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("ffmpeg encoder"), std::string::npos) << e.what();
  }
}

TEST_F(VideoIo, WithoutFfmpegOpenCvWritesIntoPlaceOnClose) {
  setenv("PANOCAST_FFMPEG", "/nonexistent/ffmpeg", 1);
  const auto path = folder_ / "fallback.mp4";
  VideoWriter writer(path, kWidth, kHeight, 30);
  EXPECT_FALSE(writer.crashSafe());
  EXPECT_NE(writer.codec().find("OpenCV"), std::string::npos);
  for (int i = 0; i < 20; ++i) writer.write(numberedFrame(i));
  EXPECT_FALSE(fs::exists(path)) << "unfinished videos live under a temporary name";
  writer.close();
  EXPECT_EQ(countFrames(path), 20);
}

TEST_F(VideoIo, BadRequestsAreRefused) {
  EXPECT_THROW(VideoWriter(folder_ / "odd.mp4", 161, 120, 30), Error);
  EXPECT_THROW(VideoWriter(folder_ / "rate.mp4", 160, 120, 0), Error);
  EXPECT_THROW(VideoWriter(folder_ / "missing" / "x.mp4", 160, 120, 30), Error);
  EXPECT_THROW(VideoWriter(folder_ / "x.gif", 160, 120, 30), Error);
  REQUIRE_FFMPEG();
  VideoWriter writer(folder_ / "size.mp4", kWidth, kHeight, 30);
  EXPECT_THROW(writer.write(ImageU8{80, 60, 3, std::vector<uint8_t>(80 * 60 * 3)}), Error);
}

}  // namespace
