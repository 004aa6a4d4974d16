#pragma once
// Locating golden fixtures and sample data from tests.
#include <filesystem>

namespace panocast::test {

// ../shared/fixtures relative to the repository root, or $PANOCAST_FIXTURES. Fails the test
// (with the full path tried) when it does not exist: a missing fixture is never a silent skip.
std::filesystem::path fixturesRoot();
std::filesystem::path fixture(const std::filesystem::path& relative);

// The tone-mapped Blender sample panoramas set-up extracts (data/samples), or $PANOCAST_SAMPLES.
std::filesystem::path samplesRoot();
std::filesystem::path sample(const std::string& name);

// The public-domain portrait set-up extracts for synthetic webcam clips (data/people).
std::filesystem::path portrait(const std::string& name);

// A fresh empty folder under the build tree for this test's outputs.
std::filesystem::path scratchDir(const std::string& name);

}  // namespace panocast::test
