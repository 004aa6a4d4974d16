#pragma once
// Read-only access to a zip archive (libzip): entry names, sizes and contents, with CRC checks.
// PyTorch writes its checkpoints as zips of uncompressed entries (a pickle plus one entry per
// storage); the archive may be a file or bytes in memory (the fuzzer).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

struct zip;

namespace panocast {

class ZipArchive {
 public:
  explicit ZipArchive(const std::filesystem::path& path);
  ZipArchive(const uint8_t* data, size_t size);  // `data` must outlive the archive
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  std::vector<std::string> names() const;
  bool contains(const std::string& name) const;
  uint64_t size(const std::string& name) const;  // uncompressed bytes
  // Reads the whole entry into `out` (exactly size(name) bytes); verifies the CRC.
  void read(const std::string& name, void* out, uint64_t bytes) const;
  std::string read(const std::string& name) const;

 private:
  int64_t indexOf(const std::string& name) const;
  ::zip* archive_ = nullptr;
  uint64_t archiveBytes_ = 0;
  std::string label_;  // for messages
};

// True when the file starts like a zip archive.
bool looksLikeZip(const uint8_t* data, size_t size);

}  // namespace panocast
