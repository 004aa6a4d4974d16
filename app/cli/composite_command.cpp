// panocast composite: the live preview, headless (the seed's demo.py). A video (or one image) of a
// person in, the same with the background replaced by a panorama turned to follow the camera out,
// one output frame per input frame, the input's audio kept, optional overlays and the tracked
// angles as CSV. The panorama is a file, or generated first from --prompt with --model. Ctrl-C
// finishes the video with the frames so far.
#include <torch/torch.h>

#include <cstdio>
#include <fstream>

#include "commands.h"
#include "generate_options.h"
#include "interrupt.h"
#include "progress_bar.h"
#include "io/atomic_file.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "live/bgr_image.h"
#include "live/live_pipeline.h"
#include "live/video_reader.h"
#include "live/video_writer.h"
#include "runtime/device.h"
#include "runtime/error.h"

namespace panocast::cli {
namespace {

namespace fs = std::filesystem;

struct CompositeOptions {
  std::string input, panorama, out, trackCsv;
  GenerateOptions generate;  // with --prompt: the panorama job that makes the background
  std::string segmenter = "selfie", models, deeplab, device = "cpu", overlays = "none";
  double fov = 70, yaw = 0, pitch = 0, lightMatch = 0, smoothing = 0.7;
  int feather = 2, frames = 0;
};

bool isImage(const fs::path& path) {
  auto ext = path.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".bmp";
}


LiveSettings settingsFrom(const CompositeOptions& o) {
  if (!(o.fov > 10 && o.fov < 170)) throw Error("--fov must be between 10 and 170 degrees");
  if (o.smoothing < 0 || o.smoothing > 1) throw Error("--smoothing must be between 0 and 1");
  if (o.lightMatch < 0 || o.lightMatch > 1) throw Error("--light-match must be between 0 and 1");
  if (o.feather < 0 || o.feather > 64) throw Error("--feather must be 0 to 64 pixels");
  LiveSettings s;
  s.segmenter = segmenterKindFromName(o.segmenter);
  s.segmenterOptions.modelsFolder = o.models;
  s.segmenterOptions.deeplabWeights = o.deeplab;
  s.segmenterOptions.device = parseDevice(o.device);
  s.segmenterOptions.deeplabShortSide = 320;  // live: a smaller working size than the published 520
  s.mask.smoothing = o.smoothing;
  s.mask.featherPx = o.feather;
  s.tracker.hfovDeg = o.fov;
  s.start.yawDeg = o.yaw;
  s.start.pitchDeg = o.pitch;
  s.lightMatch = o.lightMatch;
  s.overlays = parseOverlays(o.overlays);
  return s;
}

// With --prompt: generates the panorama next to the output (OUT-panorama/) and returns its path.
std::string generateBackground(const CompositeOptions& o) {
  if (o.generate.model.model.empty()) throw Error("--prompt needs --model (a Stable Diffusion 2 folder or checkpoint)");
  GenerateOptions job = o.generate;
  job.model.device = o.device;  // one device for generation and the live stages
  const fs::path out = o.out;
  job.out = (out.parent_path() / (out.stem().string() + "-panorama")).string();
  std::printf("generating the background panorama into %s\n", job.out.c_str());
  runPanoramaJob(job);
  return (fs::path(job.out) / "panorama.png").string();
}

void composite(const CompositeOptions& o) {
  const auto settings = settingsFrom(o);
  const fs::path out = o.out;
  const bool imageJob = isImage(o.input);
  if (imageJob != isImage(out)) throw Error("--output: an image input gives an image (.png/.jpg), a video a video (.mp4/.mkv)");
  if (o.panorama.empty() == o.generate.prompt.empty()) throw Error("give either --panorama FILE or --prompt TEXT (with --model)");
  if (!fs::exists(o.input)) throw Error(o.input + ": no such file");
  const auto panoramaPath = o.panorama.empty() ? generateBackground(o) : o.panorama;
  const auto panorama = toTensor(readImageForDisplay(panoramaPath)).to(settings.segmenterOptions.device);
  LivePipeline pipeline(panorama.size(0) == 4 ? panorama.slice(0, 0, 3) : panorama, settings);

  if (imageJob) {
    const auto frame = pipeline.process(bgrFromImage(readImageU8(o.input)));
    writeImage(out, rgbFromBgr(frame.composite));
    std::printf("%s: composite %dx%d (segment %.0f ms, background %.0f ms)\n", out.c_str(), frame.composite.cols,
                frame.composite.rows, frame.segmentMs, frame.renderMs);
    return;
  }

  VideoReader reader(o.input);
  const double fps = reader.fps() > 0 ? reader.fps() : 30.0;
  VideoWriterOptions recording;
  recording.audioFrom = o.input;
  VideoWriter writer(out, reader.width(), reader.height(), fps, recording);
  ProgressBar bar("composite");
  const int expected = o.frames > 0 ? o.frames : reader.frameCountEstimate();
  std::string csv = "frame,time,yaw,pitch,roll,confidence\n";
  installInterruptHandler();
  cv::Mat bgr;
  int frames = 0;
  double segment = 0, track = 0, render = 0, blend = 0;
  const auto start = std::chrono::steady_clock::now();
  while ((o.frames <= 0 || frames < o.frames) && reader.read(bgr)) {
    const auto frame = pipeline.process(bgr);
    writer.write(rgbFromBgr(frame.composite));
    char row[160];
    std::snprintf(row, sizeof row, "%d,%.4f,%.4f,%.4f,%.4f,%.3f\n", frames, reader.timeSeconds(), frame.pose.orientation.yawDeg,
                  frame.pose.orientation.pitchDeg, frame.pose.orientation.rollDeg, frame.pose.confidence);
    csv += row;
    segment += frame.segmentMs, track += frame.trackMs, render += frame.renderMs, blend += frame.compositeMs;
    ++frames;
    bar.update(frames, std::max(expected, frames));
    if (interruptRequested()) {
      std::printf("stopped after %d frames; the video holds them\n", frames);
      break;
    }
  }
  if (frames == 0) throw Error(o.input + ": no frames could be read");
  bar.finish();
  writer.close();
  if (!o.trackCsv.empty()) writeFileAtomically(o.trackCsv, csv);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: %d frames %dx%d (%s), %.1f frames/s; per frame: segment %.1f, track %.1f, background %.1f, "
              "composite %.1f ms\n",
              out.c_str(), frames, reader.width(), reader.height(), writer.codec().c_str(), frames / seconds,
              segment / frames, track / frames, render / frames, blend / frames);
}

}  // namespace

void addCompositeCommand(CLI::App& app) {
  auto o = std::make_shared<CompositeOptions>();
  auto* cmd = app.add_subcommand("composite", "Replace the background of a video (or image) with a panorama that follows the camera");
  cmd->add_option("--input", o->input, "Video (.mp4, ...) or image of a person")->required();
  cmd->add_option("--panorama", o->panorama, "Equirectangular background (PNG, JPEG, EXR, HDR)");
  cmd->add_option("--output,--out", o->out, "Output video (.mp4 or .mkv, H.264, the input's audio kept) or image")->required();
  cmd->add_option("--prompt", o->generate.prompt, "Generate the background from this scene description (needs --model)");
  cmd->add_option("--model", o->generate.model.model, "With --prompt: Stable Diffusion 2 folder or checkpoint");
  cmd->add_option("--config", o->generate.model.config, "With --prompt and a single-file checkpoint: a diffusers folder");
  cmd->add_option("--method", o->generate.method, "With --prompt: independent, caa, multidiffusion or shared-attention");
  cmd->add_option("--caa", o->generate.caa, "With --prompt and caa: the CAA weights");
  cmd->add_option("--seed", o->generate.seed, "With --prompt: noise seed");
  cmd->add_option("--segmenter", o->segmenter, "selfie (default), selfie-landscape or deeplab");
  cmd->add_option("--models", o->models, "Folder holding selfie_segmentation/*.tflite");
  cmd->add_option("--deeplab", o->deeplab, "torchvision's deeplabv3_mobilenet_v3_large .pth");
  cmd->add_option("--fov", o->fov, "Horizontal field of view of the input camera in degrees (default 70)");
  cmd->add_option("--yaw", o->yaw, "Where in the panorama the first frame looks (degrees)");
  cmd->add_option("--pitch", o->pitch, "Pitch of the first frame's view (degrees)");
  cmd->add_option("--overlays,--overlay", o->overlays, "Any of mask,flow,hud,fps (comma separated), or none");
  cmd->add_option("--light-match", o->lightMatch, "0..1: bring the person's brightness toward the scene's");
  cmd->add_option("--smoothing", o->smoothing, "0..1: temporal smoothing of uncertain mask edges (default 0.7)");
  cmd->add_option("--feather", o->feather, "Outward feather of the matte in pixels (default 2)");
  cmd->add_option("--frames", o->frames, "Stop after this many frames");
  cmd->add_option("--track-csv", o->trackCsv, "Also write the tracked angles (frame,time,yaw,pitch,roll,confidence)");
  cmd->add_option("--device", o->device, "cpu (default) or cuda");
  cmd->callback([o] { composite(*o); });
}

}  // namespace panocast::cli
