#pragma once
// Writing a loaded model back out in the layout every tool reads: a diffusers folder with
// safetensors weights (`panocast convert`). Weights users download as pickles (MVDiffusion's
// pano.ckpt, single-file SD checkpoints) become folders that load without the pickle reader,
// and the CAA blocks go to their own safetensors file.
#include <c10/core/ScalarType.h>

#include <filesystem>

#include "engine/sd_model.h"

namespace panocast {

struct ExportSummary {
  int64_t tensors = 0;
  int64_t bytes = 0;
  bool wroteCaa = false;
};

// Writes `model` as a diffusers folder at `out` (which must not exist yet): weights from the
// loaded networks in `dtype`, configs, tokenizer and scheduler copied from `configFolder`, and
// caa.safetensors when the model carries CAA blocks (MVDiffusion's key names without the
// "mv_base_model." prefix). Everything is written to `out`.partial first and renamed at the
// end, so a failure or a cancelled run leaves no half-written folder.
ExportSummary exportDiffusersFolder(const StableDiffusionModel& model, const std::filesystem::path& configFolder,
                                    const std::filesystem::path& out, c10::ScalarType dtype);

}  // namespace panocast
