// The live preview's cost per frame on a real clip: every stage of LivePipeline (segment model,
// matte refinement, tracking, background, composite), H.264 recording through the ffmpeg pipe,
// and the two background renderers side by side (OpenCV remap vs the tensor renderer).
//   bench_live --input CLIP.mp4 --panorama PANO.png [--models DIR] [--segmenter selfie|selfie-landscape]
//              [--frames N] [--threads N]
// Prints mean and 95th-percentile milliseconds and the frame rate the whole loop sustains.
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <opencv2/core/utility.hpp>
#include <string>
#include <vector>

#include "geometry/panorama_renderer.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "live/background_renderer.h"
#include "live/bgr_image.h"
#include "live/live_pipeline.h"
#include "live/video_reader.h"
#include "live/video_writer.h"

using namespace panocast;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

struct Series {
  std::vector<double> ms;
  void add(double v) { ms.push_back(v); }
  double mean() const {
    double s = 0;
    for (double v : ms) s += v;
    return ms.empty() ? 0 : s / ms.size();
  }
  double p95() const {
    if (ms.empty()) return 0;
    auto sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)];
  }
};

void print(const char* name, const Series& s) { std::printf("  %-26s %8.1f ms mean %8.1f ms p95\n", name, s.mean(), s.p95()); }

}  // namespace

int main(int argc, char** argv) {
  std::string input, panoramaPath, models, segmenter = "selfie";
  int frames = 120, threads = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--input") input = value;
    else if (key == "--panorama") panoramaPath = value;
    else if (key == "--models") models = value;
    else if (key == "--segmenter") segmenter = value;
    else if (key == "--frames") frames = std::atoi(value.c_str());
    else if (key == "--threads") threads = std::atoi(value.c_str());
    else {
      std::fprintf(stderr, "unknown option %s\n", key.c_str());
      return 2;
    }
  }
  if (input.empty() || panoramaPath.empty()) {
    std::fprintf(stderr, "usage: bench_live --input CLIP.mp4 --panorama PANO.png [--models DIR] [--frames N]\n");
    return 2;
  }
  if (threads > 0) {
    torch::set_num_threads(threads);
    cv::setNumThreads(threads);
  }
  try {
    std::vector<cv::Mat> clip;
    {
      VideoReader reader(input);
      for (cv::Mat f; static_cast<int>(clip.size()) < frames && reader.read(f);) clip.push_back(f.clone());
    }
    if (clip.empty()) throw std::runtime_error("no frames in " + input);
    const int width = clip[0].cols, height = clip[0].rows;
    std::printf("live pipeline on %zu frames of %dx%d (%s), %d torch threads, %d OpenCV threads\n", clip.size(), width,
                height, segmenter.c_str(), torch::get_num_threads(), cv::getNumThreads());

    const auto panorama = toTensor(readImageForDisplay(panoramaPath)).slice(0, 0, 3).contiguous();
    LiveSettings settings;
    settings.segmenter = segmenterKindFromName(segmenter);
    settings.segmenterOptions.modelsFolder = models;
    settings.tracker.hfovDeg = 70;
    settings.overlays.hud = true;

    // The segmenter's two halves on their own: the model, then the matte refinement.
    {
      auto model = openSegmenter(settings.segmenter, settings.segmenterOptions);
      MaskRefiner refiner(settings.mask);
      Series modelMs, refineMs;
      for (const auto& f : clip) {
        auto start = Clock::now();
        const auto p = model->modelProbability(rgbFromBgr(f)).contiguous();
        modelMs.add(msSince(start));
        start = Clock::now();
        refiner.refine(cv::Mat(static_cast<int>(p.size(0)), static_cast<int>(p.size(1)), CV_32F, p.data_ptr<float>()), f);
        refineMs.add(msSince(start));
      }
      std::printf("segmentation\n");
      print("model (at its own size)", modelMs);
      print("matte (refine, upsample)", refineMs);
    }

    // Background renderers side by side, same orientations.
    {
      BackgroundRenderer fast(bgrFromImage(toImageU8(panorama)));
      Series opencvMs, tensorMs;
      Camera camera;
      camera.width = width;
      camera.height = height;
      camera.hfovDeg = 70;
      torch::NoGradGuard noGrad;
      for (int i = 0; i < 20; ++i) {
        camera.orientation = {i * 17.0 - 170, std::sin(i) * 20, std::cos(i) * 5};
        auto start = Clock::now();
        fast.render(camera);
        opencvMs.add(msSince(start));
        if (i < 5) {
          start = Clock::now();
          renderView(panorama, camera, Interpolation::Bilinear);
          tensorMs.add(msSince(start));
        }
      }
      std::printf("background %dx%d from a %lldx%lld panorama\n", width, height, static_cast<long long>(panorama.size(2)),
                  static_cast<long long>(panorama.size(1)));
      print("OpenCV remap (live path)", opencvMs);
      print("tensor grid_sample", tensorMs);
      std::printf("  ratio tensor / OpenCV      %8.1fx\n", tensorMs.mean() / opencvMs.mean());
    }

    // The whole loop as `panocast composite` runs it, recording included.
    {
      LivePipeline pipeline(panorama, settings);
      const auto out = std::filesystem::temp_directory_path() / "panocast-bench-live.mp4";
      VideoWriter writer(out, width, height, 30);
      Series segment, track, background, blend, encode, total;
      const auto start = Clock::now();
      for (const auto& f : clip) {
        const auto frameStart = Clock::now();
        const auto frame = pipeline.process(f);
        auto t = Clock::now();
        writer.write(rgbFromBgr(frame.composite));
        encode.add(msSince(t));
        total.add(msSince(frameStart));
        segment.add(frame.segmentMs), track.add(frame.trackMs), background.add(frame.renderMs), blend.add(frame.compositeMs);
      }
      writer.close();
      const double seconds = msSince(start) / 1000;
      std::printf("pipeline + recording (%s)\n", writer.codec().c_str());
      print("segment (model + matte)", segment);
      print("track", track);
      print("background", background);
      print("composite", blend);
      print("hand to encoder", encode);
      print("frame total", total);
      std::printf("  sustained                  %8.1f fps (%zu frames in %.1f s)\n", clip.size() / seconds, clip.size(), seconds);
      std::filesystem::remove(out);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_live: %s\n", e.what());
    return 1;
  }
  return 0;
}
