#pragma once
// UNet2DConditionModel's config.json as Stable Diffusion 1.x/2.x use it (sd2.md §3.1). Options
// those models never set (class embeddings, addition embeddings, …) are rejected by name rather
// than silently ignored, so an SDXL or inpainting UNet fails with a clear message.
#include <filesystem>
#include <string>
#include <vector>

namespace panocast {

struct UNetConfig {
  int inChannels = 4;
  int outChannels = 4;
  int sampleSize = 64;
  std::vector<int> blockOutChannels{320, 640, 1280, 1280};
  std::vector<std::string> downBlockTypes{"CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D",
                                          "DownBlock2D"};
  std::vector<std::string> upBlockTypes{"UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D",
                                        "CrossAttnUpBlock2D"};
  int layersPerBlock = 2;
  // Attention heads per down block (up blocks use the list reversed). diffusers' SD configs store
  // these under "attention_head_dim" although they are head counts (sd2.md §3.1).
  std::vector<int> headCounts{5, 10, 20, 20};
  int crossAttentionDim = 1024;
  int transformerLayersPerBlock = 1;
  bool useLinearProjection = true;
  bool upcastAttention = false;
  int normGroups = 32;
  double normEps = 1e-5;
  bool flipSinToCos = true;
  double freqShift = 0;

  static UNetConfig sd2Base();
  static UNetConfig sd15();
  static UNetConfig fromFile(const std::filesystem::path& path);

  int blockCount() const { return static_cast<int>(blockOutChannels.size()); }
  bool downBlockHasAttention(int block) const { return downBlockTypes[block] == "CrossAttnDownBlock2D"; }
  bool upBlockHasAttention(int block) const { return upBlockTypes[block] == "CrossAttnUpBlock2D"; }
};

}  // namespace panocast
