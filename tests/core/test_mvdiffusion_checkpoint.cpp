// MVDiffusion's pano.ckpt as users download it (a Lightning zip pickle, caa.md §9), rebuilt here
// from the tiny SD2 folder and the tiny CAA weights: loading it as a model, converting it with
// `panocast convert`, and generating from it directly.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <fstream>

#include "engine/sd_model.h"
#include "io/image.h"
#include "io/image_tensor.h"
#include "io/json_file.h"
#include "io/safetensors.h"
#include "multiview/caa_modules.h"
#include "nn/component_weights.h"
#include "support/fixtures.h"
#include "support/pickle_writer.h"

using namespace panocast;
namespace fs = std::filesystem;

namespace {

int runCli(const std::string& arguments, const fs::path& log) {
  const std::string command = std::string(PANOCAST_BINARY_DIR) + "/app/panocast " + arguments + " >" + log.string() + " 2>&1";
  return WEXITSTATUS(std::system(command.c_str()));
}

std::string readText(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

// diffusers 0.16's VAE attention names, as MVDiffusion saved them.
std::string oldVaeName(std::string name) {
  for (const auto& [now, old] : std::vector<std::pair<std::string, std::string>>{
           {"attentions.0.to_q.", "attentions.0.query."},
           {"attentions.0.to_k.", "attentions.0.key."},
           {"attentions.0.to_v.", "attentions.0.value."},
           {"attentions.0.to_out.0.", "attentions.0.proj_attn."}}) {
    const auto at = name.find(now);
    if (at != std::string::npos) return name.replace(at, now.size(), old);
  }
  return name;
}

// A Lightning checkpoint with MVDiffusion's prefixes around the tiny SD2 weights and tiny CAA.
fs::path writeTinyPanoCheckpoint(const fs::path& dir) {
  const auto tiny = test::fixture("sd/tiny-sd2");
  std::map<std::string, at::Tensor> state;
  for (const auto& [n, t] : readTensors(tiny / "unet" / "diffusion_pytorch_model.safetensors")) state["mv_base_model.unet." + n] = t;
  for (const auto& [n, t] : readTensors(test::fixture("caa/tiny_caa.safetensors"))) state["mv_base_model." + n] = t;
  for (const auto& [n, t] : readTensors(tiny / "vae" / "diffusion_pytorch_model.safetensors")) state["vae." + oldVaeName(n)] = t;
  for (const auto& [n, t] : readTensors(tiny / "text_encoder" / "model.safetensors")) state["text_encoder.text_model." + n] = t;
  state["text_encoder.text_model.embeddings.position_ids"] = torch::arange(77, torch::kLong).unsqueeze(0);

  test::PickleWriter w;
  w.proto().dictBegin();
  w.str("epoch").integer(9).str("global_step").integer(26000).str("pytorch-lightning_version").str("1.5.10");
  w.str("state_dict").orderedDictBegin();
  for (const auto& [name, t] : state) w.str(name).tensor(t);
  w.dictEnd();
  w.str("callbacks").dictBegin().dictEnd();
  w.str("optimizer_states").listBegin().listEnd().str("lr_schedulers").listBegin().listEnd();
  w.dictEnd().stop();
  const auto path = dir / "pano.ckpt";
  test::writeTorchZip(path, w);
  return path;
}

void expectSameParameters(const torch::nn::Module& a, const torch::nn::Module& b, const std::string& what) {
  const auto pa = a.named_parameters();
  const auto pb = b.named_parameters();
  ASSERT_EQ(pa.size(), pb.size()) << what;
  for (const auto& item : pa) {
    ASSERT_TRUE(pb.contains(item.key())) << what << ": " << item.key();
    EXPECT_TRUE(torch::equal(item.value(), pb[item.key()])) << what << ": " << item.key();
  }
}

std::set<std::string> keysOf(const fs::path& file) {
  std::set<std::string> keys;
  for (const auto& [name, t] : readTensors(file)) keys.insert(name);
  return keys;
}

}  // namespace

TEST(MVDiffusionCheckpoint, LoadsAsAModelWithItsCaaBlocks) {
  const auto ckpt = writeTinyPanoCheckpoint(test::scratchDir("pano_ckpt_load"));
  const auto tiny = test::fixture("sd/tiny-sd2");
  const auto fromCheckpoint = loadStableDiffusion(ckpt, tiny);
  const auto fromFolder = loadStableDiffusion(tiny);
  expectSameParameters(*fromCheckpoint.unet, *fromFolder.unet, "unet");
  expectSameParameters(*fromCheckpoint.vae, *fromFolder.vae, "vae");
  expectSameParameters(*fromCheckpoint.textEncoder, *fromFolder.textEncoder, "text encoder");

  const auto caaFromCheckpoint = caaModulesFromTensors(fromCheckpoint.unet->config(), fromCheckpoint.caaWeights, "pano.ckpt");
  const auto caaFromFile = loadCaaModules(fromFolder.unet->config(), test::fixture("caa/tiny_caa.safetensors"));
  expectSameParameters(*caaFromCheckpoint, *caaFromFile, "caa");
  // --caa also takes the checkpoint itself.
  const auto caaViaCaaOption = loadCaaModules(fromFolder.unet->config(), ckpt);
  expectSameParameters(*caaViaCaaOption, *caaFromFile, "caa via --caa");
}

TEST(MVDiffusionCheckpoint, ConvertWritesADiffusersFolderWithTheSameKeysAndWeights) {
  const auto dir = test::scratchDir("pano_ckpt_convert");
  const auto ckpt = writeTinyPanoCheckpoint(dir);
  const auto tiny = test::fixture("sd/tiny-sd2");
  const auto out = dir / "mvdiffusion";
  const std::string arguments = "convert --in " + ckpt.string() + " --config " + tiny.string() + " --out " + out.string();
  ASSERT_EQ(runCli(arguments, dir / "log.txt"), 0) << readText(dir / "log.txt");
  EXPECT_NE(readText(dir / "log.txt").find("with caa.safetensors"), std::string::npos) << readText(dir / "log.txt");
  EXPECT_FALSE(fs::exists(dir / "mvdiffusion.partial"));

  // Exactly the diffusers key sets of the reference folder, and the same values.
  for (const auto& file : {"unet/diffusion_pytorch_model.safetensors", "vae/diffusion_pytorch_model.safetensors",
                           "text_encoder/model.safetensors"}) {
    EXPECT_EQ(keysOf(out / file), keysOf(tiny / file)) << file;
    const auto written = readTensors(out / file);
    for (const auto& [name, t] : readTensors(tiny / file))
      EXPECT_TRUE(torch::equal(written.at(name).to(torch::kFloat), t.to(torch::kFloat))) << file << ": " << name;
  }
  const auto caa = readTensors(out / "caa.safetensors");
  for (const auto& [name, t] : readTensors(test::fixture("caa/tiny_caa.safetensors"))) {
    ASSERT_TRUE(caa.count(name)) << name;
    EXPECT_TRUE(torch::equal(caa.at(name), t)) << name;
  }
  EXPECT_EQ(caa.size(), keysOf(test::fixture("caa/tiny_caa.safetensors")).size());
  const auto reloaded = loadStableDiffusion(out);
  expectSameParameters(*reloaded.unet, *loadStableDiffusion(tiny).unet, "reloaded unet");

  // A second run must not touch the existing folder.
  const auto before = fs::last_write_time(out / "caa.safetensors");
  EXPECT_NE(runCli(arguments, dir / "again.txt"), 0);
  EXPECT_NE(readText(dir / "again.txt").find("already exists"), std::string::npos) << readText(dir / "again.txt");
  EXPECT_EQ(fs::last_write_time(out / "caa.safetensors"), before);
}

TEST(MVDiffusionCheckpoint, GenerateFromTheCheckpointReproducesMVDiffusion) {
  const auto dir = test::scratchDir("pano_ckpt_generate");
  const auto ckpt = writeTinyPanoCheckpoint(dir);
  SafetensorsFile extra(test::fixture("extra/extra_golden.safetensors"));
  writeSafetensors(dir / "start.safetensors", {{"latents", extra.tensor("mvtext.in.latents")}});
  {
    std::ofstream prompts(dir / "prompts.txt");
    for (int v = 0; v < 8; ++v)
      prompts << (v % 2 == 0 ? "This is one view of a scene. A cozy living room with a fireplace\n"
                             : "This is one view of a scene. Large windows with a garden view\n");
  }
  // No --method and no --caa: the checkpoint carries CAA, so CAA runs.
  const std::string arguments = "generate --model " + ckpt.string() + " --config " + test::fixture("sd/tiny-sd2").string() +
                                " --prompts " + (dir / "prompts.txt").string() + " --steps 10 --latents " +
                                (dir / "start.safetensors").string() + " --width 512 --device cpu --out " +
                                (dir / "run").string();
  ASSERT_EQ(runCli(arguments, dir / "log.txt"), 0) << readText(dir / "log.txt");
  const auto expected = extra.tensor("mvtext.out.views01")[0];
  for (int v = 0; v < 8; ++v) {
    const auto view = toTensor(readImageU8(dir / "run" / ("view_" + std::to_string(v) + ".png")));
    EXPECT_LE((view - expected[v]).abs().max().item<double>(), 2e-2 + 0.5 / 255) << v;
  }
  EXPECT_EQ(readJsonFile(dir / "run" / "run.json")["method"], "caa");
}
