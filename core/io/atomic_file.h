#pragma once
// Whole-file writes that never leave a half-written file: write a sibling temporary, flush,
// then rename over the target (rename is atomic within one file system).
#include <cstddef>
#include <filesystem>
#include <string_view>

namespace panocast {

void writeFileAtomically(const std::filesystem::path& path, const void* data, size_t size);
inline void writeFileAtomically(const std::filesystem::path& path, std::string_view text) {
  writeFileAtomically(path, text.data(), text.size());
}

}  // namespace panocast
