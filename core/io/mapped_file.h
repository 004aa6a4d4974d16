#pragma once
// A read-only memory mapping of a whole file: large weight files are read in place instead of
// being copied into memory first.
#include <cstddef>
#include <cstdint>
#include <filesystem>

namespace panocast {

class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path);  // throws panocast::Error
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const uint8_t* data() const { return data_; }  // nullptr for an empty file
  size_t size() const { return size_; }

 private:
  const uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace panocast
