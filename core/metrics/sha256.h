#pragma once
// SHA-256 (FIPS 180-4) for content-addressed caches: feature caches are keyed by what the images
// and weights files hold, not by their names or dates. Self-contained, so the metrics library
// needs no crypto dependency (the GPU machine builds it too).
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace panocast {

class Sha256 {
 public:
  Sha256();
  void update(const void* data, size_t size);
  void update(std::string_view text) { update(text.data(), text.size()); }
  // The digest; the object must not be updated afterwards.
  std::array<uint8_t, 32> finish();
  // finish() as 64 lowercase hexadecimal digits.
  std::string hexDigest();

 private:
  void block(const uint8_t* data);
  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

std::string sha256Hex(std::string_view data);

// The SHA-256 of a file's bytes, read in 1 MiB chunks. `keepGoing` (optional) is asked between
// chunks; when it returns false the function throws panocast::Cancelled. Throws panocast::Error
// naming the file when it cannot be read.
std::string sha256File(const std::filesystem::path& path, const std::function<bool()>& keepGoing = {});

}  // namespace panocast
