#pragma once
// `panocast generate`'s options, shared by its two jobs: one image (--out FILE.png) and the
// multi-view panorama (--method …, --out DIR).
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>

#include "model_options.h"

namespace panocast::cli {

struct GenerateOptions {
  ModelOptions model;
  std::string prompt, negative, scheduler, size, latents, out;
  int steps = 50;
  double guidance = 7.5;
  int64_t seed = -1;
  bool stepsGiven = false, guidanceGiven = false, schedulerGiven = false;  // else the method's preset
  // Panorama job
  std::string method, caa, prompts, blend = "seamless";
  int views = 8, panoramaWidth = 4096;
  double fov = 90;
  bool crop = false;
  // Wide image job: MultiDiffusion strip
  bool strip = false, circular = false;
};

// The tensor 'latents' of a .safetensors file, float32; a clear error when absent.
at::Tensor readInitialLatents(const std::string& path, const std::string& expectedShape);

void runImageJob(const GenerateOptions& options);
void runPanoramaJob(const GenerateOptions& options);
// True when the options ask for the multi-view panorama rather than one image.
bool isPanoramaJob(const GenerateOptions& options);

}  // namespace panocast::cli
