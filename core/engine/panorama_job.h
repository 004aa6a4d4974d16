#pragma once
// The panorama job in one call, shared by `panocast generate --method …` and the studio's Scene
// tab: load (or reuse) the model, denoise the coupled views, decode, stitch, and write
// view_0.png … view_{M−1}.png, panorama.png and run.json into a folder. The interface holds no
// LibTorch types, so a Qt view can run it on a worker thread and receive progress, previews and
// the result as plain values.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "io/image.h"

namespace panocast {

struct PanoramaJobSpec {
  std::filesystem::path model;   // diffusers folder, or a single file (SD checkpoint, MVDiffusion's pano.ckpt)
  std::filesystem::path config;  // for a single file: a diffusers folder giving configs and tokenizer
  std::filesystem::path caa;     // CAA weights: caa.safetensors or pano.ckpt (empty: none, or inside `model`)
  std::vector<std::string> prompts;  // one for all views, or one per view
  std::string negativePrompt;
  // independent | caa | multidiffusion | shared-attention; empty: caa when CAA weights are at
  // hand, else independent.
  std::string method;
  std::string scheduler = "ddim";  // ddim | pndm | euler | dpmpp2m
  int steps = 50;                  // MVDiffusion's preset: DDIM 50, guidance 9
  double guidance = 9.0;
  std::optional<uint64_t> seed;    // empty: a random one, recorded in run.json
  std::string device = "auto";     // cpu | cuda | cuda:N | auto
  std::string precision = "auto";  // fp32 | fp16 | bf16 | auto
  int views = 8;
  double fovDeg = 90;
  int viewSize = 0;                // pixels per side; 0: the model's native size
  std::filesystem::path initialLatents;  // optional .safetensors with `latents` [1, M, 4, h, w]
  std::set<int> sharedAttentionLevels{0, 1, 2, 3, 4};
  // 0: twice the views' own resolution around the equator (2·360°/fov · view size; 4096 for
  // 512-pixel 90° views), so small views are not stitched onto a needlessly large canvas.
  int panoramaWidth = 0;
  std::string blend = "seamless";  // seamless | triangle
  bool crop = false;
  std::filesystem::path outputFolder;
};

struct PanoramaJobEvents {
  std::function<void(const std::string& status)> onStatus;           // "loading the model", …
  std::function<void(const std::string& warning)> onWarning;         // e.g. a prompt cut at 77 tokens
  std::function<void(int done, int total, double elapsedSeconds)> onStep;  // UNet calls
  // Cheap previews of every view (a linear map of the latents, 1/8 of the view size), every
  // `previewEvery` calls and after the last one; 0 turns them off.
  int previewEvery = 0;
  std::function<void(int done, const std::vector<ImageU8>& views)> onPreview;
  std::function<bool()> cancelRequested;  // polled between stages and before every UNet call
};

struct PanoramaJobResult {
  std::filesystem::path folder, panoramaFile, runFile;
  std::vector<std::filesystem::path> viewFiles;
  std::string method, device, precision;
  uint64_t seed = 0;
  bool seeded = true;  // false when the start came from initialLatents
  int unetCalls = 0;
  double loadSeconds = 0, textSeconds = 0, denoiseSeconds = 0, decodeSeconds = 0, stitchSeconds = 0, totalSeconds = 0;
  std::string coverage;  // what the stitched panorama covers, one paragraph
};

// Keeps the last loaded model (and CAA weights) so that the next job with the same files,
// device and precision starts at once. Thread-safe; jobs that share a cache run one at a time.
class PanoramaModelCache {
 public:
  PanoramaModelCache();
  ~PanoramaModelCache();
  void clear();
  struct State;

 private:
  friend PanoramaJobResult runPanoramaJob(const PanoramaJobSpec&, const PanoramaJobEvents&, PanoramaModelCache*);
  std::unique_ptr<State> state_;
};

// Throws panocast::Error with a message for the user (also for LibTorch failures such as running
// out of GPU memory, which names what to reduce) and panocast::Cancelled when asked to stop.
// Nothing is written to the output folder unless the job finishes.
PanoramaJobResult runPanoramaJob(const PanoramaJobSpec& spec, const PanoramaJobEvents& events = {},
                                 PanoramaModelCache* cache = nullptr);

// One prompt per non-empty line (a trailing '\r' dropped); throws when there is none.
std::vector<std::string> readPromptLines(const std::filesystem::path& path);

}  // namespace panocast
