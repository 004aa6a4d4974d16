#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace panocast::test {
namespace fs = std::filesystem;

namespace {
fs::path requireExisting(const fs::path& path, const char* hint) {
  if (!fs::exists(path)) {
    ADD_FAILURE() << "missing " << fs::absolute(path).string() << " (" << hint << ")";
    throw std::runtime_error("missing test input " + fs::absolute(path).string());
  }
  return path;
}
}  // namespace

fs::path fixturesRoot() {
  const char* env = std::getenv("PANOCAST_FIXTURES");
  const fs::path root = env ? fs::path(env) : fs::path(PANOCAST_SOURCE_DIR) / ".." / "shared" / "fixtures";
  return requireExisting(root.lexically_normal(), "golden fixtures; set PANOCAST_FIXTURES to override");
}

fs::path fixture(const fs::path& relative) {
  return requireExisting(fixturesRoot() / relative, "golden fixture");
}

fs::path samplesRoot() {
  const char* env = std::getenv("PANOCAST_SAMPLES");
  const fs::path root = env ? fs::path(env) : fs::path(PANOCAST_SOURCE_DIR) / "data" / "samples";
  return requireExisting(root, "sample panoramas; run scripts/setup.sh");
}

fs::path sample(const std::string& name) { return requireExisting(samplesRoot() / name, "sample panorama"); }

fs::path portrait(const std::string& name) {
  return requireExisting(fs::path(PANOCAST_SOURCE_DIR) / "data" / "people" / name, "portrait; run scripts/setup.sh");
}

fs::path scratchDir(const std::string& name) {
  const fs::path dir = fs::path(PANOCAST_BINARY_DIR) / "test-output" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace panocast::test
