#pragma once
// The CLIP byte-level BPE tokenizer, behaving exactly as transformers' CLIPTokenizer does under
// diffusers (../shared/specs/sd2.md §5): special tokens (including the pad token, "!" in SD2)
// split out of the raw text first, control characters dropped, whitespace collapsed, NFC, lowercase, CLIP's pre-tokenising pattern, byte → character mapping, ranked merges.
#include <cstdint>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace panocast {

class ClipTokenizer {
 public:
  // Reads vocab.json, merges.txt, special_tokens_map.json and tokenizer_config.json from `folder`.
  explicit ClipTokenizer(const std::filesystem::path& folder);

  static constexpr int kContextLength = 77;
  int32_t startId() const { return startId_; }
  int32_t endId() const { return endId_; }
  int32_t padId() const { return padId_; }

  // BPE ids of `text` without start/end tokens and without truncation.
  std::vector<int32_t> encode(const std::string& text) const;
  // [start] + the first 75 ids + [end], padded with the pad id to 77.
  std::vector<int32_t> encodeForModel(const std::string& text) const;
  // How many ids `text` has before truncation (to show where 77 tokens cut a prompt).
  int countTokens(const std::string& text) const { return static_cast<int>(encode(text).size()); }

 private:
  std::vector<int32_t> encodePiece(const std::string& piece) const;
  const std::vector<std::string>& bpe(const std::string& word) const;

  std::unordered_map<std::string, int32_t> vocab_;
  std::unordered_map<std::string, int> mergeRanks_;  // "left right" → rank
  std::vector<std::pair<std::string, int32_t>> specials_;  // literal text → id, longest first
  int32_t startId_ = 49406, endId_ = 49407, padId_ = 49407;
  mutable std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace panocast
