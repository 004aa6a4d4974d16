#include "io/atomic_file.h"

#include <fstream>
#include <random>

#include "runtime/error.h"

namespace panocast {

void writeFileAtomically(const std::filesystem::path& path, const void* data, size_t size) {
  std::error_code ec;
  const auto parent = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(parent, ec))
    throw Error(path.string() + ": folder " + parent.string() + " does not exist");
  std::random_device random;
  const auto temporary = parent / ("." + path.filename().string() + ".partial-" + std::to_string(random()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path.string() + ": cannot write to folder " + parent.string());
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.flush();
    if (!out) {
      out.close();
      std::filesystem::remove(temporary, ec);
      throw Error(path.string() + ": write failed (disk full?)");
    }
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    throw Error(path.string() + ": cannot replace file: " + ec.message());
  }
}

}  // namespace panocast
