// panocast track: the camera's rotation through a video (yaw, pitch, roll in degrees relative to
// the first frame, in the Foundation's conventions), one CSV row per input frame.
#include <ATen/core/Tensor.h>
#include <opencv2/core.hpp>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "io/atomic_file.h"
#include "live/bgr_image.h"
#include "live/camera_tracker.h"
#include "live/person_segmenter.h"
#include "live/video_reader.h"
#include "runtime/error.h"

namespace panocast::cli {
namespace {

struct TrackOptions {
  std::string input, out;
  std::string segmenter = "selfie", models, deeplab;
  double fov = 70;
  double scale = 0.5;
};

// The person mask for a frame (person probability), or an empty Mat to track on the whole frame.
// With --segmenter none, RANSAC alone must reject a person moving in front of the camera.
using MaskSource = std::function<cv::Mat(const cv::Mat& bgr)>;

MaskSource maskSourceFor(const TrackOptions& o) {
  if (o.segmenter == "none") return {};
  SegmenterOptions options;
  options.modelsFolder = o.models;
  options.deeplabWeights = o.deeplab;
  options.deeplabShortSide = 320;
  std::shared_ptr<PersonSegmenter> segmenter = openSegmenter(segmenterKindFromName(o.segmenter), options);
  return [segmenter](const cv::Mat& bgr) {
    const at::Tensor probability = segmenter->probability(rgbFromBgr(bgr)).contiguous();
    return cv::Mat(bgr.rows, bgr.cols, CV_32F, probability.data_ptr<float>()).clone();
  };
}

void track(const TrackOptions& o, const MaskSource& personMask) {
  if (!(o.fov > 1 && o.fov < 179)) throw Error("--fov: the camera's horizontal field of view must be between 1 and 179 degrees (webcams: 60–78)");
  if (!(o.scale > 0 && o.scale <= 1)) throw Error("--scale: must be in (0, 1]");
  const std::filesystem::path out(o.out);
  const auto folder = out.has_parent_path() ? out.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) throw Error(o.out + ": folder " + folder.string() + " does not exist");

  VideoReader video(o.input);
  CameraTrackerSettings settings;
  settings.hfovDeg = o.fov;
  settings.workScale = o.scale;
  CameraTracker tracker(settings);

  std::string csv = "frame,time,yaw,pitch,roll,confidence\n";
  cv::Mat frame;
  int frames = 0, held = 0;
  TrackedPose pose;
  char row[160];
  while (video.read(frame)) {
    pose = tracker.process(frame, personMask ? personMask(frame) : cv::Mat());
    held += pose.held;
    const auto& a = pose.orientation;
    std::snprintf(row, sizeof row, "%d,%.4f,%.4f,%.4f,%.4f,%.3f\n", frames, video.timeSeconds(), a.yawDeg, a.pitchDeg,
                  a.rollDeg, pose.confidence);
    csv += row;
    ++frames;
    if (frames % 30 == 0) {
      std::cerr << "\rframe " << frames;
      if (video.frameCountEstimate() > 0) std::cerr << "/" << video.frameCountEstimate();
      std::cerr << std::flush;
    }
  }
  if (frames == 0) throw Error(o.input + ": no frame could be decoded");
  if (frames >= 30) std::cerr << "\n";
  writeFileAtomically(out, csv);
  std::printf("wrote %s: %d frames (%dx%d), %d held, last yaw %.2f° pitch %.2f° roll %.2f°\n", o.out.c_str(), frames,
              video.width(), video.height(), held, pose.orientation.yawDeg, pose.orientation.pitchDeg,
              pose.orientation.rollDeg);
}

}  // namespace

void addTrackCommand(CLI::App& app) {
  auto o = std::make_shared<TrackOptions>();
  auto* cmd = app.add_subcommand("track", "Camera rotation through a video (yaw/pitch/roll per frame, CSV)");
  cmd->add_option("--input", o->input, "Video file")->required();
  cmd->add_option("--fov", o->fov, "The camera's horizontal field of view, degrees")->capture_default_str();
  cmd->add_option("--out", o->out, "CSV to write: frame,time,yaw,pitch,roll,confidence")->required();
  cmd->add_option("--scale", o->scale, "Track at this fraction of the frame size")->capture_default_str();
  cmd->add_option("--segmenter", o->segmenter, "Keep the person out of the fit: selfie (default), selfie-landscape, deeplab or none");
  cmd->add_option("--models", o->models, "Folder holding selfie_segmentation/*.tflite (default: set-up's data/models)");
  cmd->add_option("--deeplab", o->deeplab, "torchvision's deeplabv3_mobilenet_v3_large .pth (for --segmenter deeplab)");
  cmd->callback([o] { track(*o, maskSourceFor(*o)); });
}

}  // namespace panocast::cli
