#include "nn/vae_keys.h"

#include <torch/torch.h>

#include <optional>
#include <vector>

namespace panocast {
namespace {

using TensorMap = std::map<std::string, at::Tensor>;
using Parts = std::vector<std::string>;

Parts splitName(const std::string& name) {
  Parts parts;
  size_t start = 0;
  for (size_t dot = name.find('.'); dot != std::string::npos; dot = name.find('.', start)) {
    parts.push_back(name.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(name.substr(start));
  return parts;
}

std::string joinName(const Parts& parts) {
  std::string name;
  for (const auto& part : parts) name += (name.empty() ? "" : ".") + part;
  return name;
}

std::optional<int> parseIndex(const std::string& text) {
  if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoi(text);
}

// LDM stores the attention projections as 1×1 convolutions; diffusers as Linear layers.
at::Tensor asLinearWeight(const at::Tensor& weight) {
  if (weight.dim() == 4 && weight.size(2) == 1 && weight.size(3) == 1) return weight.reshape({weight.size(0), weight.size(1)});
  return weight;
}

// The attention part after "attentions.0." in LDM (`norm`, `q`, `k`, `v`, `proj_out`).
std::optional<Parts> ldmAttentionTail(const Parts& tail) {
  if (tail.size() != 2) return std::nullopt;
  static const std::map<std::string, Parts> renames = {
      {"norm", {"group_norm"}}, {"q", {"to_q"}}, {"k", {"to_k"}}, {"v", {"to_v"}}, {"proj_out", {"to_out", "0"}}};
  const auto it = renames.find(tail[0]);
  if (it == renames.end()) return std::nullopt;
  Parts out = it->second;
  out.push_back(tail[1]);
  return out;
}

// The resnet part after "resnets.j." (only the shortcut is named differently).
Parts ldmResnetTail(Parts tail) {
  if (!tail.empty() && tail[0] == "nin_shortcut") tail[0] = "conv_shortcut";
  return tail;
}

// One LDM name → its diffusers name, or nullopt when the name is not part of the LDM layout.
// `upBlocks` is the number of decoder up blocks, needed to reverse their numbering.
std::optional<std::string> ldmToDiffusersName(const std::string& name, int upBlocks, bool& isAttention) {
  isAttention = false;
  const Parts p = splitName(name);
  if (p.size() < 3 || (p[0] != "encoder" && p[0] != "decoder")) return std::nullopt;
  const bool encoder = p[0] == "encoder";
  Parts out{p[0]};
  Parts tail;
  if ((encoder && p[1] == "down") || (!encoder && p[1] == "up")) {
    const auto index = parseIndex(p[2]);
    if (!index || p.size() < 5) return std::nullopt;
    const int block = encoder ? *index : upBlocks - 1 - *index;
    if (block < 0) return std::nullopt;
    out.insert(out.end(), {encoder ? "down_blocks" : "up_blocks", std::to_string(block)});
    if (p[3] == "block") {
      if (!parseIndex(p[4]) || p.size() < 6) return std::nullopt;
      out.insert(out.end(), {"resnets", p[4]});
      tail = ldmResnetTail(Parts(p.begin() + 5, p.end()));
    } else if (p[3] == (encoder ? "downsample" : "upsample") && p[4] == "conv") {
      out.insert(out.end(), {encoder ? "downsamplers" : "upsamplers", "0", "conv"});
      tail.assign(p.begin() + 5, p.end());
    } else {
      return std::nullopt;
    }
  } else if (p[1] == "mid") {
    if (p.size() < 4) return std::nullopt;
    out.push_back("mid_block");
    const Parts rest(p.begin() + 3, p.end());
    if (p[2] == "block_1" || p[2] == "block_2") {
      out.insert(out.end(), {"resnets", p[2] == "block_1" ? "0" : "1"});
      tail = ldmResnetTail(rest);
    } else if (p[2] == "attn_1") {
      const auto attention = ldmAttentionTail(rest);
      if (!attention) return std::nullopt;
      out.insert(out.end(), {"attentions", "0"});
      tail = *attention;
      isAttention = true;
    } else {
      return std::nullopt;
    }
  } else if (p[1] == "norm_out") {
    out.push_back("conv_norm_out");
    tail.assign(p.begin() + 2, p.end());
  } else {
    return std::nullopt;  // conv_in / conv_out are named alike in both layouts
  }
  out.insert(out.end(), tail.begin(), tail.end());
  return joinName(out);
}

int countLdmUpBlocks(const TensorMap& tensors) {
  int count = 0;
  for (const auto& [name, tensor] : tensors) {
    const Parts p = splitName(name);
    if (p.size() > 2 && p[0] == "decoder" && p[1] == "up")
      if (const auto index = parseIndex(p[2])) count = std::max(count, *index + 1);
  }
  return count;
}

}  // namespace

std::map<std::string, at::Tensor> withoutPrefix(const std::map<std::string, at::Tensor>& tensors, const std::string& prefix) {
  TensorMap out;
  for (auto it = tensors.lower_bound(prefix); it != tensors.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it)
    out.emplace(it->first.substr(prefix.size()), it->second);
  return out;
}

std::map<std::string, at::Tensor> renameLegacyVaeAttention(const std::map<std::string, at::Tensor>& tensors) {
  static const std::map<std::string, Parts> renames = {
      {"query", {"to_q"}}, {"key", {"to_k"}}, {"value", {"to_v"}}, {"proj_attn", {"to_out", "0"}}};
  TensorMap out;
  for (const auto& [name, tensor] : tensors) {
    Parts p = splitName(name);
    // …attentions.<n>.<projection>.<weight|bias>
    const size_t n = p.size();
    if (n >= 4 && p[n - 4] == "attentions" && parseIndex(p[n - 3])) {
      const auto it = renames.find(p[n - 2]);
      if (it != renames.end()) {
        Parts renamed(p.begin(), p.end() - 2);
        renamed.insert(renamed.end(), it->second.begin(), it->second.end());
        renamed.push_back(p[n - 1]);
        out[joinName(renamed)] = p[n - 1] == "weight" ? asLinearWeight(tensor) : tensor;
        continue;
      }
    }
    out[name] = tensor;
  }
  return out;
}

bool isLdmVaeLayout(const std::map<std::string, at::Tensor>& tensors) {
  for (const auto& [name, tensor] : tensors) {
    const Parts p = splitName(name);
    if (p.size() > 2 && ((p[0] == "encoder" && (p[1] == "down" || p[1] == "mid" || p[1] == "norm_out")) ||
                         (p[0] == "decoder" && (p[1] == "up" || p[1] == "mid" || p[1] == "norm_out"))))
      return true;
  }
  return false;
}

std::map<std::string, at::Tensor> vaeFromLdm(const std::map<std::string, at::Tensor>& firstStageTensors) {
  const int upBlocks = countLdmUpBlocks(firstStageTensors);
  TensorMap out;
  for (const auto& [name, tensor] : firstStageTensors) {
    bool isAttention = false;
    const auto mapped = ldmToDiffusersName(name, upBlocks, isAttention);
    if (!mapped) {
      out[name] = tensor;
      continue;
    }
    const bool isWeight = mapped->size() >= 7 && mapped->compare(mapped->size() - 7, 7, ".weight") == 0;
    out[*mapped] = isAttention && isWeight ? asLinearWeight(tensor) : tensor;
  }
  return out;
}

std::map<std::string, at::Tensor> normalizeVaeKeys(const std::map<std::string, at::Tensor>& tensors) {
  return renameLegacyVaeAttention(isLdmVaeLayout(tensors) ? vaeFromLdm(tensors) : tensors);
}

}  // namespace panocast
