// libFuzzer harness for the CLIP tokenizer on arbitrary bytes as prompts (invalid UTF-8, control
// characters, special-token fragments): the model input is always the start token, the first
// 75 ids of encode(), the end token and padding, with ids inside the vocabulary.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "runtime/error.h"
#include "text/clip_tokenizer.h"

namespace {
const panocast::ClipTokenizer& tokenizer() {
  static const auto instance = std::make_unique<panocast::ClipTokenizer>(PANOCAST_FUZZ_TOKENIZER_DIR);
  return *instance;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& t = tokenizer();
  const std::string prompt(reinterpret_cast<const char*>(data), size);
  const auto pieces = t.encode(prompt);
  const auto ids = t.encodeForModel(prompt);
  // [start] + the first ≤ 75 ids of encode() + [end] + padding, all inside the vocabulary.
  const size_t kept = std::min<size_t>(pieces.size(), 75);
  if (ids.size() != 77 || ids.front() != t.startId() || ids[kept + 1] != t.endId()) std::abort();
  for (size_t i = 0; i < kept; ++i)
    if (ids[i + 1] != pieces[i]) std::abort();
  for (size_t i = kept + 2; i < ids.size(); ++i)
    if (ids[i] != t.padId()) std::abort();
  for (int32_t id : pieces)
    if (id < 0 || id >= 49408) std::abort();
  return 0;
}
