#include "io/zip_archive.h"

#include <zip.h>

#include <memory>

#include "runtime/error.h"

namespace panocast {
namespace {

std::string zipErrorText(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

}  // namespace

ZipArchive::ZipArchive(const std::filesystem::path& path) : label_(path.string()) {
  std::error_code ec;
  archiveBytes_ = std::filesystem::file_size(path, ec);
  if (ec) throw Error(label_ + ": cannot read the file (" + ec.message() + ")");
  int code = 0;
  archive_ = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (!archive_) throw Error(label_ + ": not a readable zip archive (" + zipErrorText(code) + ")");
}

ZipArchive::ZipArchive(const uint8_t* data, size_t size) : archiveBytes_(size), label_("zip data") {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(data, size, 0, &error);
  if (!source) {
    const std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(label_ + ": " + text);
  }
  archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (!archive_) {
    zip_source_free(source);
    const std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(label_ + ": not a readable zip archive (" + text + ")");
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_) zip_discard(archive_);
}

std::vector<std::string> ZipArchive::names() const {
  std::vector<std::string> out;
  const zip_int64_t count = zip_get_num_entries(archive_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(archive_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name) out.emplace_back(name);
  }
  return out;
}

int64_t ZipArchive::indexOf(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), ZIP_FL_ENC_RAW);
}

bool ZipArchive::contains(const std::string& name) const { return indexOf(name) >= 0; }

uint64_t ZipArchive::size(const std::string& name) const {
  const auto index = indexOf(name);
  if (index < 0) throw Error(label_ + ": entry '" + name + "' is missing");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
    throw Error(label_ + ": cannot read the size of '" + name + "'");
  // Sizes come from the archive's directory: before anything is allocated for them, check them
  // against the archive's own length (deflate expands at most ~1032:1; stored entries not at all).
  const bool stored = (stat.valid & ZIP_STAT_COMP_METHOD) && stat.comp_method == ZIP_CM_STORE;
  const uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : archiveBytes_;
  if (compressed > archiveBytes_ || (stored && stat.size != compressed) || stat.size / 1032 > compressed)
    throw Error(label_ + ": entry '" + name + "' claims " + std::to_string(stat.size) +
                " bytes, more than the archive can hold (corrupt archive)");
  return stat.size;
}

void ZipArchive::read(const std::string& name, void* out, uint64_t bytes) const {
  const auto index = indexOf(name);
  if (index < 0) throw Error(label_ + ": entry '" + name + "' is missing");
  if (size(name) != bytes)
    throw Error(label_ + ": entry '" + name + "' holds " + std::to_string(size(name)) + " bytes, expected " +
                std::to_string(bytes));
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0),
                                                          &zip_fclose);
  if (!file) throw Error(label_ + ": cannot open '" + name + "': " + zip_strerror(archive_));
  auto* cursor = static_cast<uint8_t*>(out);
  uint64_t left = bytes;
  while (left > 0) {
    const zip_int64_t got = zip_fread(file.get(), cursor, left);
    if (got < 0) throw Error(label_ + ": reading '" + name + "' failed: " + zip_file_strerror(file.get()));
    if (got == 0) throw Error(label_ + ": '" + name + "' ends early (truncated archive?)");
    cursor += got;
    left -= static_cast<uint64_t>(got);
  }
  // libzip checks the CRC when the entry has been read to its end.
  char probe;
  if (zip_fread(file.get(), &probe, 1) < 0)
    throw Error(label_ + ": '" + name + "' is corrupt: " + zip_file_strerror(file.get()));
}

std::string ZipArchive::read(const std::string& name) const {
  std::string out(size(name), '\0');
  read(name, out.data(), out.size());
  return out;
}

bool looksLikeZip(const uint8_t* data, size_t size) {
  return size >= 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3 && data[3] == 4;
}

}  // namespace panocast
