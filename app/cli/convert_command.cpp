// panocast convert: a checkpoint users download as a pickle (MVDiffusion's pano.ckpt, an original
// SD .ckpt/.safetensors) → a diffusers folder with safetensors weights, plus caa.safetensors when
// the checkpoint carries CAA blocks; or OpenAI's CLIP .pt (for CLIP score) → a transformers
// CLIPModel folder. The pickle is read by the safe reader, never executed.
#include <torch/torch.h>

#include <cstdio>

#include "commands.h"
#include "engine/model_export.h"
#include "engine/sd_model.h"
#include "nn/clip_openai_keys.h"
#include "runtime/error.h"

namespace panocast::cli {
namespace {

struct ConvertOptions {
  std::string in, config, out, tokenizer;
  std::string dtype = "fp32";
};

c10::ScalarType storageDtype(const std::string& name) {
  if (name == "fp32") return c10::kFloat;
  if (name == "fp16") return c10::kHalf;
  if (name == "bf16") return c10::kBFloat16;
  throw Error("--dtype: unknown precision '" + name + "' (fp32, fp16 or bf16)");
}

void convert(const ConvertOptions& o) {
  const auto dtype = storageDtype(o.dtype);
  if (std::filesystem::exists(o.out)) throw Error("--out: " + o.out + " already exists; choose a new folder");
  if (!std::filesystem::is_regular_file(o.in)) throw Error("--in: " + o.in + ": no such file");
  if (isOpenAiClipCheckpoint(o.in)) {
    const auto summary = convertOpenAiClipCheckpoint(o.in, o.out, o.tokenizer, o.dtype);
    std::printf("wrote %s: CLIP %s, %lld tensors, %.1f MB%s\n", o.out.c_str(), summary.modelName.c_str(),
                static_cast<long long>(summary.tensors), summary.bytes / 1e6,
                summary.tokenizerCopied ? ", with the tokenizer" : "");
    if (!summary.tokenizerCopied)
      std::printf("no tokenizer copied: put vocab.json and merges.txt into %s (a Stable Diffusion model's tokenizer/ "
                  "has them) or convert again with --tokenizer DIR\n",
                  o.out.c_str());
    std::printf("score with: panocast metrics --clip %s --generated DIR --out metrics.json\n", o.out.c_str());
    return;
  }
  if (o.config.empty())
    throw Error("--config: converting a Stable Diffusion checkpoint needs a diffusers folder of the same model (e.g. "
                "stable-diffusion-2-base) for its configs and tokenizer");
  if (!o.tokenizer.empty()) throw Error("--tokenizer: only for OpenAI CLIP checkpoints");
  auto model = loadStableDiffusion(o.in, o.config);
  const auto summary = exportDiffusersFolder(model, o.config, o.out, dtype);
  std::printf("wrote %s: %lld tensors, %.1f MB%s\n", o.out.c_str(), static_cast<long long>(summary.tensors),
              summary.bytes / 1e6, summary.wroteCaa ? " (with caa.safetensors)" : "");
  if (summary.wroteCaa)
    std::printf("generate with: panocast generate --model %s --caa %s/caa.safetensors --method caa --prompt ... --out DIR\n",
                o.out.c_str(), o.out.c_str());
}

}  // namespace

void addConvertCommand(CLI::App& app) {
  auto o = std::make_shared<ConvertOptions>();
  auto* cmd = app.add_subcommand(
      "convert",
      "Convert a checkpoint (MVDiffusion pano.ckpt, SD .ckpt/.safetensors) into a diffusers folder, or OpenAI's "
      "CLIP .pt into a transformers CLIPModel folder");
  cmd->add_option("--in", o->in, "The checkpoint file")->required();
  cmd->add_option("--config", o->config,
                  "A diffusers folder of the same model (e.g. stable-diffusion-2-base) for configs and tokenizer "
                  "(Stable Diffusion checkpoints)");
  cmd->add_option("--tokenizer", o->tokenizer,
                  "CLIP checkpoints: a folder with vocab.json and merges.txt to copy (e.g. MODEL/tokenizer)");
  cmd->add_option("--out", o->out, "The folder to create")->required();
  cmd->add_option("--dtype", o->dtype, "Precision of the written weights: fp32 (default), fp16 or bf16");
  cmd->callback([o] { convert(*o); });
}

}  // namespace panocast::cli
