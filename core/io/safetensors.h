#pragma once
// The safetensors format (Hugging Face): an 8-byte little-endian header length, a JSON header
// describing each tensor, then raw little-endian data. The file is memory-mapped; the header is
// validated completely (length, JSON, dtypes, shapes, offsets inside the file, no overlaps)
// before any tensor data is touched, since the files come from outside.
#include <ATen/core/Tensor.h>

#include "io/safetensors_header.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace panocast {

class MappedFile;

class SafetensorsFile {
 public:
  explicit SafetensorsFile(const std::filesystem::path& path);
  ~SafetensorsFile();
  SafetensorsFile(const SafetensorsFile&) = delete;
  SafetensorsFile& operator=(const SafetensorsFile&) = delete;

  const std::filesystem::path& path() const { return path_; }
  const SafetensorsHeader& header() const { return header_; }
  std::vector<std::string> names() const;
  bool contains(const std::string& name) const { return header_.tensors.count(name) != 0; }
  const SafetensorInfo& info(const std::string& name) const;

  // A CPU tensor with the stored dtype and shape (a copy: the mapping may go away).
  at::Tensor tensor(const std::string& name) const;

 private:
  std::filesystem::path path_;
  std::unique_ptr<MappedFile> file_;
  SafetensorsHeader header_;
};

// Writes tensors (any device; stored contiguous, little-endian) with optional string metadata,
// atomically. Names are sorted; the header is space-padded to 8-byte alignment.
void writeSafetensors(const std::filesystem::path& path, const std::map<std::string, at::Tensor>& tensors,
                      const std::map<std::string, std::string>& metadata = {});

}  // namespace panocast
