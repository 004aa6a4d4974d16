#include "nn/clip_openai_keys.h"

#include <torch/torch.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

#include "io/atomic_file.h"
#include "io/safetensors.h"
#include "panocast_config.h"
#include "runtime/error.h"
#if PANOCAST_HAVE_LIBZIP
#include "io/torch_checkpoint.h"
#endif

namespace panocast {
namespace {

bool startsWith(const std::string& s, const std::string& head) { return s.rfind(head, 0) == 0; }

bool endsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Tensors OpenAI's files carry that are no weights: the causal mask the text blocks keep as an
// attribute, and the numbers build_model deletes.
bool isBookkeeping(const std::string& name) {
  return name == "input_resolution" || name == "context_length" || name == "vocab_size" ||
         endsWith(name, ".attn_mask");
}

// Blocks 0, 1, … as long as their fused attention weights are there (tensors of blocks past a
// gap stay unused and are reported as unknown).
int countBlocks(const std::vector<std::string>& names, const std::string& prefix) {
  const std::set<std::string> present(names.begin(), names.end());
  int count = 0;
  while (present.count(prefix + std::to_string(count) + ".attn.in_proj_weight")) ++count;
  if (count == 0) throw Error("OpenAI CLIP: no " + prefix + "0.attn.in_proj_weight");
  return count;
}

class Mapper {
 public:
  Mapper(const std::map<std::string, at::Tensor>& in, const std::string& source) : in_(in), source_(source) {}

  const at::Tensor& get(const std::string& name) {
    const auto it = in_.find(name);
    if (it == in_.end()) throw Error(source_ + ": OpenAI CLIP tensor '" + name + "' is missing");
    used_.insert(name);
    return it->second;
  }
  int64_t dim(const std::string& name, int64_t d) {
    const auto& t = get(name);
    if (t.dim() <= d) throw Error(source_ + ": '" + name + "' has too few dimensions");
    return t.size(d);
  }
  void put(const std::string& name, const at::Tensor& t) { out_[name] = t.to(torch::kFloat32).contiguous(); }
  void copy(const std::string& from, const std::string& to) { put(to, get(from)); }
  void transposed(const std::string& from, const std::string& to) {
    const auto& t = get(from);
    if (t.dim() != 2) throw Error(source_ + ": '" + from + "' must be a matrix");
    put(to, t.t());
  }

  void block(const std::string& from, const std::string& to, int64_t width) {
    const auto& w = get(from + "attn.in_proj_weight");
    const auto& b = get(from + "attn.in_proj_bias");
    if (w.dim() != 2 || w.size(0) != 3 * width || w.size(1) != width || b.numel() != 3 * width)
      throw Error(source_ + ": '" + from + "attn.in_proj_weight' is not [3·" + std::to_string(width) + ", " +
                  std::to_string(width) + "]");
    const char* parts[] = {"q_proj", "k_proj", "v_proj"};
    for (int i = 0; i < 3; ++i) {
      put(to + "self_attn." + parts[i] + ".weight", w.narrow(0, i * width, width));
      put(to + "self_attn." + parts[i] + ".bias", b.reshape({-1}).narrow(0, i * width, width));
    }
    for (const char* p : {"weight", "bias"}) {
      copy(from + "attn.out_proj." + p, to + "self_attn.out_proj." + p);
      copy(from + "ln_1." + p, to + "layer_norm1." + p);
      copy(from + "ln_2." + p, to + "layer_norm2." + p);
      copy(from + "mlp.c_fc." + p, to + "mlp.fc1." + p);
      copy(from + "mlp.c_proj." + p, to + "mlp.fc2." + p);
    }
  }

  std::map<std::string, at::Tensor> finish(std::vector<std::string>* ignored) {
    std::vector<std::string> unknown;
    for (const auto& [name, tensor] : in_) {
      if (used_.count(name)) continue;
      if (!isBookkeeping(name)) unknown.push_back(name);
      else if (ignored) ignored->push_back(name);
    }
    if (!unknown.empty()) {
      std::string list;
      for (size_t i = 0; i < unknown.size() && i < 8; ++i) list += (i ? ", " : "") + unknown[i];
      throw Error(source_ + ": " + std::to_string(unknown.size()) + " tensor(s) that OpenAI CLIP does not have: " +
                  list + (unknown.size() > 8 ? ", …" : ""));
    }
    return std::move(out_);
  }

 private:
  const std::map<std::string, at::Tensor>& in_;
  std::string source_;
  std::set<std::string> used_;
  std::map<std::string, at::Tensor> out_;
};

}  // namespace

bool looksLikeOpenAiClip(const std::vector<std::string>& names) {
  bool visual = false, tokens = false, projection = false;
  for (const auto& n : names) {
    visual |= startsWith(n, "visual.");
    tokens |= n == "token_embedding.weight";
    projection |= n == "text_projection";
  }
  return visual && tokens && projection;
}

std::map<std::string, at::Tensor> openAiClipToTransformers(const std::map<std::string, at::Tensor>& openai,
                                                           const std::string& source, std::vector<std::string>* ignored) {
  std::vector<std::string> names;
  for (const auto& [name, tensor] : openai) names.push_back(name);
  if (!looksLikeOpenAiClip(names)) throw Error(source + ": not OpenAI CLIP weights (no visual.*, token_embedding, text_projection)");
  if (openai.count("visual.layer1.0.conv1.weight") || openai.count("visual.attnpool.positional_embedding"))
    throw Error(source + ": a ResNet CLIP (RN50, RN101, …); PanoCast scores with ViT models only (ViT-B/32, ViT-B/16, "
                         "ViT-L/14)");
  Mapper m(openai, source);
  const int visionWidth = static_cast<int>(m.dim("visual.conv1.weight", 0));
  const int textWidth = static_cast<int>(m.dim("ln_final.weight", 0));
  m.copy("visual.class_embedding", "vision_model.embeddings.class_embedding");
  m.copy("visual.conv1.weight", "vision_model.embeddings.patch_embedding.weight");
  m.copy("visual.positional_embedding", "vision_model.embeddings.position_embedding.weight");
  for (const char* p : {"weight", "bias"}) {
    m.copy(std::string("visual.ln_pre.") + p, std::string("vision_model.pre_layrnorm.") + p);
    m.copy(std::string("visual.ln_post.") + p, std::string("vision_model.post_layernorm.") + p);
    m.copy(std::string("ln_final.") + p, std::string("text_model.final_layer_norm.") + p);
  }
  const int visionLayers = countBlocks(names, "visual.transformer.resblocks.");
  for (int i = 0; i < visionLayers; ++i)
    m.block("visual.transformer.resblocks." + std::to_string(i) + ".",
            "vision_model.encoder.layers." + std::to_string(i) + ".", visionWidth);
  const int textLayers = countBlocks(names, "transformer.resblocks.");
  for (int i = 0; i < textLayers; ++i)
    m.block("transformer.resblocks." + std::to_string(i) + ".", "text_model.encoder.layers." + std::to_string(i) + ".",
            textWidth);
  m.copy("token_embedding.weight", "text_model.embeddings.token_embedding.weight");
  m.copy("positional_embedding", "text_model.embeddings.position_embedding.weight");
  m.transposed("visual.proj", "visual_projection.weight");
  m.transposed("text_projection", "text_projection.weight");
  m.put("logit_scale", m.get("logit_scale").reshape({}));
  return m.finish(ignored);
}

ConvertedClip convertOpenAiClip(const std::map<std::string, at::Tensor>& openai, const std::string& source) {
  ConvertedClip result;
  result.tensors = openAiClipToTransformers(openai, source, &result.ignored);
  const auto& t = result.tensors;
  auto size = [&](const std::string& name, int64_t d) { return static_cast<int>(t.at(name).size(d)); };
  std::vector<std::string> names;
  for (const auto& [name, tensor] : openai) names.push_back(name);
  ClipModelConfig& c = result.config;
  auto& v = c.vision;
  v.hiddenSize = size("vision_model.embeddings.patch_embedding.weight", 0);
  v.patchSize = size("vision_model.embeddings.patch_embedding.weight", 3);
  v.layers = countBlocks(names, "visual.transformer.resblocks.");
  v.intermediateSize = size("vision_model.encoder.layers.0.mlp.fc1.weight", 0);
  const int positions = size("vision_model.embeddings.position_embedding.weight", 0);
  const auto grid = static_cast<int>(std::lround(std::sqrt(static_cast<double>(positions - 1))));
  if (grid * grid + 1 != positions) throw Error(source + ": visual.positional_embedding is not a square grid + 1");
  v.imageSize = grid * v.patchSize;
  auto& x = c.text;
  x.hiddenSize = size("text_model.final_layer_norm.weight", 0);
  x.layers = countBlocks(names, "transformer.resblocks.");
  x.intermediateSize = size("text_model.encoder.layers.0.mlp.fc1.weight", 0);
  x.vocabSize = size("text_model.embeddings.token_embedding.weight", 0);
  x.positions = size("text_model.embeddings.position_embedding.weight", 0);
  x.activation = v.activation = "quick_gelu";
  c.projectionDim = size("text_projection.weight", 0);
  // OpenAI's build_model: 64-wide heads in both towers.
  if (v.hiddenSize % 64 || x.hiddenSize % 64)
    throw Error(source + ": tower widths " + std::to_string(v.hiddenSize) + " and " + std::to_string(x.hiddenSize) +
                " are not multiples of OpenAI CLIP's 64-wide heads");
  v.heads = v.hiddenSize / 64;
  x.heads = x.hiddenSize / 64;
  return result;
}

bool isOpenAiClipCheckpoint(const std::filesystem::path& file) {
#if PANOCAST_HAVE_LIBZIP
  if (!looksLikeTorchCheckpoint(file)) return false;
  TorchCheckpoint checkpoint(file);
  const auto& doc = checkpoint.document();
  std::vector<std::string> names;
  try {
    for (const auto& [name, record] : doc.tensorsUnder(doc.root)) names.push_back(name);
  } catch (const Error&) {
    return false;  // a root that is no dictionary or module: not CLIP
  }
  return looksLikeOpenAiClip(names);
#else
  (void)file;
  return false;
#endif
}

ClipFolderSummary convertOpenAiClipCheckpoint(const std::filesystem::path& in, const std::filesystem::path& out,
                                              const std::filesystem::path& tokenizer, const std::string& dtype) {
#if PANOCAST_HAVE_LIBZIP
  namespace fs = std::filesystem;
  const auto storage = dtype == "fp32" ? torch::kFloat32
                       : dtype == "fp16" ? torch::kFloat16
                       : dtype == "bf16" ? torch::kBFloat16
                                         : throw Error("unknown precision '" + dtype + "' (fp32, fp16 or bf16)");
  if (!tokenizer.empty() && (!fs::is_regular_file(tokenizer / "vocab.json") || !fs::is_regular_file(tokenizer / "merges.txt")))
    throw Error(tokenizer.string() + ": no vocab.json and merges.txt (a CLIP tokenizer folder, e.g. a Stable "
                                     "Diffusion model's tokenizer/)");
  if (fs::exists(out)) throw Error(out.string() + " already exists; choose a new folder");
  const TorchCheckpoint checkpoint(in);
  auto converted = convertOpenAiClip(checkpoint.tensors(), in.string());
  // Check that the result loads before anything is written.
  clipModelFromTensors(converted.config, converted.tensors, in.string());

  ClipFolderSummary summary{converted.config.name(), 0, 0, false};
  std::map<std::string, at::Tensor> stored;
  for (const auto& [name, tensor] : converted.tensors) {
    stored[name] = tensor.to(storage);
    ++summary.tensors;
    summary.bytes += static_cast<int64_t>(tensor.numel()) * stored[name].element_size();
  }
  fs::create_directories(out);
  writeFileAtomically(out / "config.json", converted.config.toJson().dump(2) + "\n");
  writeSafetensors(out / "model.safetensors", stored,
                   {{"format", "pt"}, {"converted_from", in.filename().string()}});
  if (!tokenizer.empty()) {
    for (const char* file : {"vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json"})
      if (fs::is_regular_file(tokenizer / file)) fs::copy_file(tokenizer / file, out / file);
    summary.tokenizerCopied = true;
  }
  return summary;
#else
  (void)in, (void)out, (void)tokenizer, (void)dtype;
  throw Error("this build reads no PyTorch checkpoints (built without libzip)");
#endif
}

}  // namespace panocast
