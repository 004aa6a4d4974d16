#include "runtime/model_locations.h"

#include <cstdlib>
#include <system_error>

#include "runtime/error.h"

namespace panocast {
namespace fs = std::filesystem;

std::vector<fs::path> modelSearchFolders(const fs::path& explicitFolder) {
  std::vector<fs::path> folders;
  if (!explicitFolder.empty()) folders.push_back(explicitFolder);
  if (const char* env = std::getenv("PANOCAST_MODELS"); env && *env) folders.emplace_back(env);
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // build/app/panocast or build/tests/core_tests → <source>/data/models; installed
    // /usr/bin/panocast → /usr/share/panocast/models.
    for (auto dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
      if (fs::exists(dir / "data" / "models", ec)) {
        folders.push_back(dir / "data" / "models");
        break;
      }
    }
    folders.push_back(exe.parent_path().parent_path() / "share" / "panocast" / "models");
  }
  if (const char* home = std::getenv("HOME"); home && *home) folders.push_back(fs::path(home) / ".local/share/panocast/models");
  return folders;
}

fs::path findModelFile(const std::string& relative, const std::string& howToGet, const fs::path& explicitFolder) {
  const auto folders = modelSearchFolders(explicitFolder);
  std::string looked;
  for (const auto& folder : folders) {
    std::error_code ec;
    if (fs::is_regular_file(folder / relative, ec)) return folder / relative;
    looked += (looked.empty() ? "" : ", ") + folder.string();
  }
  throw Error(relative + " not found (looked in " + looked + "); " + howToGet);
}

}  // namespace panocast
