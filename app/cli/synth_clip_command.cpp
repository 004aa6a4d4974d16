// panocast synth-clip: a synthetic webcam clip for trying the live pipeline without a camera or
// footage — a hand-held camera looking around one panorama with a person in front, cut out of a
// portrait by the selfie segmenter. Writes the camera's true path next to it, so `panocast track`
// and `panocast composite --track-csv` can be checked against it.
#include <torch/torch.h>

#include <cstdio>

#include "arguments.h"
#include "commands.h"
#include "interrupt.h"
#include "io/atomic_file.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "live/bgr_image.h"
#include "live/mask_refiner.h"
#include "live/person_segmenter.h"
#include "live/synthetic_clip.h"
#include "live/video_writer.h"
#include "runtime/error.h"

namespace panocast::cli {
namespace {

struct SynthClipOptions {
  std::string panorama, person, personMask, out, truthCsv, size = "1280x720", models;
  double fov = 70, seconds = 8, fps = 30;
};

// The person's matte: a given mask image, or the selfie model's refined matte of the portrait.
cv::Mat personMatte(const SynthClipOptions& o, const ImageU8& portrait) {
  if (!o.personMask.empty()) {
    const ImageU8 mask = readImageU8(o.personMask, 1);
    if (mask.width != portrait.width || mask.height != portrait.height)
      throw Error(o.personMask + ": the mask must have the portrait's size");
    cv::Mat alpha;
    cv::Mat(mask.height, mask.width, CV_8U, const_cast<uint8_t*>(mask.pixels.data())).convertTo(alpha, CV_32F, 1 / 255.0);
    return alpha;
  }
  SegmenterOptions options;
  options.modelsFolder = o.models;
  auto probability = openSegmenter(SegmenterKind::Selfie, options)->modelProbability(portrait).contiguous();
  const cv::Mat p(static_cast<int>(probability.size(0)), static_cast<int>(probability.size(1)), CV_32F,
                  probability.data_ptr<float>());
  const cv::Mat rgb(portrait.height, portrait.width, CV_8UC3, const_cast<uint8_t*>(portrait.pixels.data()));
  MaskRefinerSettings settings;
  settings.smoothing = 0;  // one still image: nothing to smooth over time
  return MaskRefiner(settings).refine(p, rgb).clone();
}

void synthClip(const SynthClipOptions& o) {
  SyntheticClipSettings settings;
  std::tie(settings.width, settings.height) = parseSize(o.size, "--size");
  settings.hfovDeg = o.fov;
  settings.seconds = o.seconds;
  settings.fps = o.fps;
  if (!(o.fov > 10 && o.fov < 170)) throw Error("--fov must be between 10 and 170 degrees");
  if (!(o.seconds > 0 && o.seconds <= 600)) throw Error("--seconds must be between 0 and 600");
  if (!(o.fps >= 1 && o.fps <= 120)) throw Error("--fps must be between 1 and 120");
  if (std::filesystem::path(o.out).extension() != ".mp4") throw Error("--out: the clip is written as .mp4");

  const ImageU8 portrait = readImageU8(o.person, 3);
  const cv::Mat alpha = personMatte(o, portrait);
  const cv::Mat personBgr = bgrFromImage(portrait);
  const auto panorama = toTensor(readImageForDisplay(o.panorama));
  const SyntheticClip clip(panorama.slice(0, 0, 3), personBgr, alpha, settings);

  VideoWriter writer(o.out, settings.width, settings.height, settings.fps);
  std::string csv = "frame,time,yaw,pitch,roll\n";
  installInterruptHandler();
  const int frames = clip.frameCount();
  for (int i = 0; i < frames; ++i) {
    Orientation truth;
    const cv::Mat bgr = clip.frame(i, &truth);
    writer.write(rgbFromBgr(bgr));
    char row[128];
    std::snprintf(row, sizeof row, "%d,%.4f,%.4f,%.4f,%.4f\n", i, i / settings.fps, truth.yawDeg, truth.pitchDeg,
                  truth.rollDeg);
    csv += row;
    if (interruptRequested()) throw Error("cancelled; no clip written");
  }
  writer.close();
  if (!o.truthCsv.empty()) writeFileAtomically(o.truthCsv, csv);
  std::printf("%s: SYNTHETIC clip, %d frames %dx%d at %.0f fps (%s), camera path in %s\n", o.out.c_str(), frames,
              settings.width, settings.height, settings.fps, writer.codec().c_str(),
              o.truthCsv.empty() ? "(not written)" : o.truthCsv.c_str());
}

}  // namespace

void addSynthClipCommand(CLI::App& app) {
  auto o = std::make_shared<SynthClipOptions>();
  auto* cmd = app.add_subcommand("synth-clip",
                                 "Render a synthetic webcam clip: a hand-held camera in a panorama, a person in front");
  cmd->add_option("--panorama", o->panorama, "Equirectangular image the pretend camera looks around in")->required();
  cmd->add_option("--person", o->person, "Portrait of a person (cut out with the selfie model)")->required();
  cmd->add_option("--person-mask", o->personMask, "Use this matte (8-bit, portrait's size) instead of the selfie model");
  cmd->add_option("--out", o->out, "Clip to write (.mp4)")->required();
  cmd->add_option("--truth-csv", o->truthCsv, "Also write the camera's true path (frame,time,yaw,pitch,roll)");
  cmd->add_option("--size", o->size, "Frame size WxH (default 1280x720)");
  cmd->add_option("--fov", o->fov, "Horizontal field of view in degrees (default 70)");
  cmd->add_option("--seconds", o->seconds, "Length (default 8)");
  cmd->add_option("--fps", o->fps, "Frame rate (default 30)");
  cmd->add_option("--models", o->models, "Folder holding selfie_segmentation/*.tflite (default: set-up's data/models)");
  cmd->callback([o] { synthClip(*o); });
}

}  // namespace panocast::cli
