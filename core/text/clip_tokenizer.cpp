#include "text/clip_tokenizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/locid.h>

#include <array>

#include <algorithm>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "io/json_file.h"
#include "runtime/error.h"

namespace panocast {
namespace {

using json = nlohmann::json;

json readJson(const std::filesystem::path& path) {
  if (!std::filesystem::exists(path))
    throw Error(path.string() + ": missing (a CLIP tokenizer folder needs vocab.json and merges.txt)");
  return readJsonFile(path);
}

// A token entry is either a plain string or an object with "content" (AddedToken).
std::string tokenText(const json& entry) {
  if (entry.is_string()) return entry.get<std::string>();
  if (entry.is_object() && entry.contains("content") && entry["content"].is_string())
    return entry["content"].get<std::string>();
  return {};
}

// GPT-2's reversible byte → character table: printable bytes stand for themselves, the other 68
// bytes (0–32, 127–160, 173) map in order to U+0100, U+0101, …
const std::array<std::string, 256>& byteCharacters() {
  static const std::array<std::string, 256> table = [] {
    std::array<std::string, 256> t;
    int next = 256;
    for (int b = 0; b < 256; ++b) {
      const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
      const UChar32 c = printable ? b : next++;
      std::string utf8;
      icu::UnicodeString(c).toUTF8String(utf8);
      t[b] = utf8;
    }
    return t;
  }();
  return table;
}

bool isWhitespace(UChar32 c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || u_charType(c) == U_SPACE_SEPARATOR;
}

bool isControl(UChar32 c) {
  if (c == '\t' || c == '\n' || c == '\r') return false;
  return (U_GET_GC_MASK(c) & U_GC_C_MASK) != 0;
}

// transformers' text cleaning (used when ftfy is absent): drop control characters, whitespace to
// spaces, NFC, then split on whitespace, lowercase and re-join. CJK ideographs are not spaced
// apart: the golden ids keep "日本語" as one pre-token.
icu::UnicodeString cleanText(const std::string& text) {
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString spaced;
  for (int32_t i = 0; i < input.length(); i = input.moveIndex32(i, 1)) {
    const UChar32 c = input.char32At(i);
    if (c == 0 || c == 0xFFFD || isControl(c)) continue;
    if (isWhitespace(c)) spaced.append(UChar32(' '));
    else spaced.append(c);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString normalized = U_SUCCESS(status) ? nfc->normalize(spaced, status) : spaced;
  if (U_FAILURE(status)) throw Error("tokenizer: Unicode normalisation failed");
  icu::UnicodeString out;
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.isEmpty()) return;
    if (!out.isEmpty()) out.append(UChar32(' '));
    out.append(word.toLower(icu::Locale::getRoot()));
    word.remove();
  };
  for (int32_t i = 0; i < normalized.length(); i = normalized.moveIndex32(i, 1)) {
    const UChar32 c = normalized.char32At(i);
    if (isWhitespace(c)) flush();
    else word.append(c);
  }
  flush();
  return out;
}

enum class CharClass { Letter, Number, Space, Other };

CharClass classify(UChar32 c) {
  if (isWhitespace(c) || u_isUWhiteSpace(c)) return CharClass::Space;
  const uint32_t mask = U_GET_GC_MASK(c);
  if (mask & U_GC_L_MASK) return CharClass::Letter;
  if (mask & U_GC_N_MASK) return CharClass::Number;
  return CharClass::Other;
}

// CLIP's pattern: 's|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+ (case-insensitive).
std::vector<std::string> preTokenize(const icu::UnicodeString& text) {
  static const char* contractions[] = {"'s", "'t", "'re", "'ve", "'m", "'ll", "'d"};
  std::vector<std::string> tokens;
  int32_t i = 0;
  const int32_t n = text.length();
  while (i < n) {
    const UChar32 c = text.char32At(i);
    if (c == '\'') {
      bool matched = false;
      for (const char* contraction : contractions) {
        const icu::UnicodeString pattern = icu::UnicodeString::fromUTF8(contraction);
        if (text.caseCompare(i, pattern.length(), pattern, U_FOLD_CASE_DEFAULT) == 0) {
          std::string piece;
          text.tempSubString(i, pattern.length()).toUTF8String(piece);
          tokens.push_back(piece);
          i += pattern.length();
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    const CharClass kind = classify(c);
    if (kind == CharClass::Space) {
      i = text.moveIndex32(i, 1);
      continue;
    }
    int32_t end = text.moveIndex32(i, 1);
    if (kind != CharClass::Number)  // digits are single tokens; letter and other runs are greedy
      while (end < n && classify(text.char32At(end)) == kind) end = text.moveIndex32(end, 1);
    std::string piece;
    text.tempSubString(i, end - i).toUTF8String(piece);
    tokens.push_back(piece);
    i = end;
  }
  return tokens;
}

}  // namespace

ClipTokenizer::ClipTokenizer(const std::filesystem::path& folder) {
  const json vocab = readJson(folder / "vocab.json");
  if (!vocab.is_object()) throw Error((folder / "vocab.json").string() + ": expected a token → id object");
  for (const auto& [token, id] : vocab.items()) {
    if (!id.is_number_integer()) throw Error((folder / "vocab.json").string() + ": id of '" + token + "' is not an integer");
    vocab_[token] = id.get<int32_t>();
  }
  std::ifstream merges(folder / "merges.txt");
  if (!merges) throw Error((folder / "merges.txt").string() + ": missing");
  std::string line;
  int rank = 0;
  while (std::getline(merges, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("#version", 0) == 0) continue;
    if (line.find(' ') == std::string::npos) throw Error((folder / "merges.txt").string() + ": malformed line '" + line + "'");
    mergeRanks_.emplace(line, rank++);
  }

  auto idOf = [&](const std::string& token) -> int32_t {
    const auto it = vocab_.find(token);
    if (it == vocab_.end()) throw Error(folder.string() + ": special token '" + token + "' is not in vocab.json");
    return it->second;
  };
  // special_tokens_map.json overrides tokenizer_config.json (SD2 pads with "!").
  json config = std::filesystem::exists(folder / "tokenizer_config.json") ? readJson(folder / "tokenizer_config.json") : json::object();
  json special = std::filesystem::exists(folder / "special_tokens_map.json") ? readJson(folder / "special_tokens_map.json") : json::object();
  auto resolve = [&](const char* key, const char* fallback) {
    std::string text = special.contains(key) ? tokenText(special[key]) : "";
    if (text.empty() && config.contains(key)) text = tokenText(config[key]);
    return text.empty() ? std::string(fallback) : text;
  };
  const std::string bos = resolve("bos_token", "<|startoftext|>"), eos = resolve("eos_token", "<|endoftext|>");
  const std::string pad = resolve("pad_token", "<|endoftext|>");
  startId_ = idOf(bos);
  endId_ = idOf(eos);
  padId_ = idOf(pad);
  for (const auto& token : {bos, eos, pad})
    if (std::none_of(specials_.begin(), specials_.end(), [&](const auto& s) { return s.first == token; }))
      specials_.emplace_back(token, idOf(token));
  std::sort(specials_.begin(), specials_.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

const std::vector<std::string>& ClipTokenizer::bpe(const std::string& word) const {
  if (const auto it = cache_.find(word); it != cache_.end()) return it->second;
  // Split the mapped word into characters (UTF-8 sequences); the last carries "</w>".
  std::vector<std::string> parts;
  for (size_t i = 0; i < word.size();) {
    size_t length = 1;
    const auto lead = static_cast<unsigned char>(word[i]);
    if (lead >= 0xF0) length = 4;
    else if (lead >= 0xE0) length = 3;
    else if (lead >= 0xC0) length = 2;
    parts.push_back(word.substr(i, length));
    i += length;
  }
  if (parts.empty()) return cache_[word];
  parts.back() += "</w>";
  while (parts.size() > 1) {
    int best = std::numeric_limits<int>::max();
    size_t bestAt = 0;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
      const auto it = mergeRanks_.find(parts[i] + " " + parts[i + 1]);
      if (it != mergeRanks_.end() && it->second < best) {
        best = it->second;
        bestAt = i;
      }
    }
    if (best == std::numeric_limits<int>::max()) break;
    // Merge every occurrence of the best pair, left to right, as the reference does.
    const std::string left = parts[bestAt], right = parts[bestAt + 1];
    std::vector<std::string> merged;
    for (size_t i = 0; i < parts.size();) {
      if (i + 1 < parts.size() && parts[i] == left && parts[i + 1] == right) {
        merged.push_back(left + right);
        i += 2;
      } else {
        merged.push_back(parts[i++]);
      }
    }
    parts.swap(merged);
  }
  return cache_[word] = parts;
}

std::vector<int32_t> ClipTokenizer::encodePiece(const std::string& piece) const {
  std::vector<int32_t> ids;
  for (const std::string& token : preTokenize(cleanText(piece))) {
    std::string mapped;
    for (unsigned char byte : token) mapped += byteCharacters()[byte];
    for (const std::string& part : bpe(mapped)) {
      const auto it = vocab_.find(part);
      if (it == vocab_.end()) throw Error("tokenizer: '" + part + "' is not in the vocabulary (mismatched vocab.json and merges.txt?)");
      ids.push_back(it->second);
    }
  }
  return ids;
}

std::vector<int32_t> ClipTokenizer::encode(const std::string& text) const {
  std::vector<int32_t> ids;
  size_t start = 0;
  while (start < text.size()) {
    size_t bestAt = std::string::npos;
    const std::pair<std::string, int32_t>* best = nullptr;
    for (const auto& special : specials_) {
      const size_t at = text.find(special.first, start);
      if (at < bestAt) {
        bestAt = at;
        best = &special;
      }
    }
    const std::vector<int32_t> piece = encodePiece(text.substr(start, bestAt == std::string::npos ? std::string::npos : bestAt - start));
    ids.insert(ids.end(), piece.begin(), piece.end());
    if (!best) break;
    ids.push_back(best->second);
    start = bestAt + best->first.size();
  }
  return ids;
}

std::vector<int32_t> ClipTokenizer::encodeForModel(const std::string& text) const {
  std::vector<int32_t> ids = encode(text);
  if (ids.size() > kContextLength - 2) ids.resize(kContextLength - 2);
  ids.insert(ids.begin(), startId_);
  ids.push_back(endId_);
  ids.resize(kContextLength, padId_);
  return ids;
}

}  // namespace panocast
