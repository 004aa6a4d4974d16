// `panocast generate` as users run it: reproducing diffusers' run from its initial latents
// (--latents), the PNG and its sidecar, and Ctrl-C-free failure modes.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <fstream>

#include "io/image.h"
#include "io/image_tensor.h"
#include "io/json_file.h"
#include "io/safetensors.h"
#include "support/fixtures.h"

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

}  // namespace

TEST(CliGenerate, ReproducesDiffusersFromItsInitialLatents) {
  const auto dir = test::scratchDir("cli_generate");
  SafetensorsFile golden(test::fixture("sd/sd_golden.safetensors"));
  writeSafetensors(dir / "start.safetensors", {{"latents", golden.tensor("pipeline.in.latents")}});
  const std::string arguments = "generate --model " + test::fixture("sd/tiny-sd2").string() +
                                " --prompt 'a well-lit living room with large windows' --steps 8 --guidance 7.5"
                                " --scheduler euler --device cpu --latents " +
                                (dir / "start.safetensors").string() + " --out " + (dir / "room.png").string();
  ASSERT_EQ(runCli(arguments, dir / "log.txt"), 0) << readText(dir / "log.txt");

  const auto image = toTensor(readImageU8(dir / "room.png"));  // [3, 128, 128] in 0..1
  const auto expected = golden.tensor("pipeline.euler.image")[0];
  ASSERT_EQ(image.sizes(), expected.sizes());
  // 8-bit rounding of the golden image, plus its 1e-3 tolerance.
  EXPECT_LE((image - expected).abs().max().item<double>(), 0.5 / 255 + 1e-3);

  const auto sidecar = readJsonFile(dir / "room.json");
  EXPECT_EQ(sidecar["steps"], 8);
  EXPECT_EQ(sidecar["scheduler"]["class"], "EulerDiscreteScheduler");
  EXPECT_EQ(sidecar["width"], 128);
  EXPECT_TRUE(sidecar["seed"].is_null());  // the start came from --latents
  EXPECT_GT(sidecar["timings_s"]["total"].get<double>(), 0.0);
  EXPECT_NE(readText(dir / "log.txt").find("denoising"), std::string::npos);
}

TEST(CliGenerate, SeededRunsRepeatAndInspectDescribesTheFolder) {
  const auto dir = test::scratchDir("cli_generate_seed");
  const std::string base = "generate --model " + test::fixture("sd/tiny-sd2").string() +
                           " --prompt kitchen --steps 2 --size 64 --seed 5 --device cpu --out ";
  ASSERT_EQ(runCli(base + (dir / "a.png").string(), dir / "a.txt"), 0) << readText(dir / "a.txt");
  ASSERT_EQ(runCli(base + (dir / "b.png").string(), dir / "b.txt"), 0) << readText(dir / "b.txt");
  EXPECT_EQ(readImageU8(dir / "a.png").pixels, readImageU8(dir / "b.png").pixels);
  EXPECT_EQ(readJsonFile(dir / "a.json")["seed"], 5);

  ASSERT_EQ(runCli("inspect --model " + test::fixture("sd/tiny-sd2").string(), dir / "inspect.txt"), 0);
  const auto text = readText(dir / "inspect.txt");
  for (const char* expected : {"UNet2DConditionModel", "AutoencoderKL", "CLIPTextModel", "F16", "DDIMScheduler"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
}

TEST(CliGenerate, PanoramaJobReproducesMVDiffusionAndStitches) {
  const auto dir = test::scratchDir("cli_panorama");
  SafetensorsFile extra(test::fixture("extra/extra_golden.safetensors"));
  writeSafetensors(dir / "start.safetensors", {{"latents", extra.tensor("mvtext.in.latents")}});
  {
    std::ofstream prompts(dir / "prompts.txt");
    for (int v = 0; v < 8; ++v)
      prompts << (v % 2 == 0 ? "This is one view of a scene. A cozy living room with a fireplace\n"
                             : "This is one view of a scene. Large windows with a garden view\n");
  }
  const std::string arguments = "generate --model " + test::fixture("sd/tiny-sd2").string() + " --method caa --caa " +
                                test::fixture("caa/tiny_caa.safetensors").string() + " --prompts " +
                                (dir / "prompts.txt").string() + " --steps 10 --latents " +
                                (dir / "start.safetensors").string() + " --width 1024 --device cpu --out " +
                                (dir / "run").string();
  ASSERT_EQ(runCli(arguments, dir / "log.txt"), 0) << readText(dir / "log.txt");
  const auto expected = extra.tensor("mvtext.out.views01")[0];
  for (int v = 0; v < 8; ++v) {
    const auto view = toTensor(readImageU8(dir / "run" / ("view_" + std::to_string(v) + ".png")));
    EXPECT_LE((view - expected[v]).abs().max().item<double>(), 2e-2 + 0.5 / 255) << v;
  }
  const auto panorama = readImageU8(dir / "run" / "panorama.png");
  EXPECT_EQ(panorama.width, 1024);
  EXPECT_EQ(panorama.height, 512);
  EXPECT_EQ(panorama.channels, 4);  // uncovered latitudes stay transparent
  const auto run = readJsonFile(dir / "run" / "run.json");
  EXPECT_EQ(run["method"], "caa");
  EXPECT_EQ(run["guidance"], 9.0);  // MVDiffusion's preset
  EXPECT_EQ(run["scheduler"]["class"], "DDIMScheduler");
  EXPECT_EQ(run["prompts"].size(), 8u);
  for (const char* stage : {"text", "denoise", "decode", "stitch", "total"}) EXPECT_TRUE(run["timings_s"].contains(stage)) << stage;
}

TEST(CliGenerate, LongPromptsAreCutWithAWarning) {
  const auto dir = test::scratchDir("cli_generate_long");
  std::string prompt;
  for (int i = 0; i < 90; ++i) prompt += "room ";
  const std::string arguments = "generate --model " + test::fixture("sd/tiny-sd2").string() + " --prompt '" + prompt +
                                "' --steps 1 --size 64 --seed 1 --device cpu --out " + (dir / "long.png").string();
  ASSERT_EQ(runCli(arguments, dir / "log.txt"), 0) << readText(dir / "log.txt");
  EXPECT_NE(readText(dir / "log.txt").find("has 90 tokens; only the first 75 are used"), std::string::npos)
      << readText(dir / "log.txt");
}

TEST(CliGenerate, WideStripByMultiDiffusionWrapsAround) {
  const auto dir = test::scratchDir("cli_generate_strip");
  const std::string arguments = "generate --model " + test::fixture("sd/tiny-sd2").string() +
                                " --prompt 'a mountain lake at dawn' --strip --circular --size 640x512 --steps 1 --scheduler ddim"
                                " --seed 3 --device cpu --out " + (dir / "strip.png").string();
  ASSERT_EQ(runCli(arguments, dir / "log.txt"), 0) << readText(dir / "log.txt");
  const auto image = readImageU8(dir / "strip.png");
  EXPECT_EQ(image.width, 640);
  EXPECT_EQ(image.height, 512);
  const auto sidecar = readJsonFile(dir / "strip.json");
  EXPECT_EQ(sidecar["multidiffusion"]["circular"], true);
  EXPECT_EQ(sidecar["unet_calls"], 10);  // 10 circular windows (80 cells / 8) × 1 step
  EXPECT_NE(runCli("generate --model " + test::fixture("sd/tiny-sd2").string() +
                       " --prompt x --circular --device cpu --out " + (dir / "bad.png").string(),
                   dir / "bad.txt"),
            0);
  EXPECT_NE(readText(dir / "bad.txt").find("--circular needs --strip"), std::string::npos);
}
