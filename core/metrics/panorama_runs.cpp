#include "metrics/panorama_runs.h"

#include <algorithm>

#include "io/json_file.h"
#include "metrics/feature_cache.h"
#include "runtime/error.h"

namespace panocast {
namespace fs = std::filesystem;
namespace {
fs::path viewPath(const fs::path& folder, int k) { return folder / ("view_" + std::to_string(k) + ".png"); }
}  // namespace

bool isPanoramaRunFolder(const fs::path& folder) {
  std::error_code ec;
  return fs::is_regular_file(viewPath(folder, 0), ec);
}

PanoramaRun readPanoramaRun(const fs::path& folder) {
  PanoramaRun run;
  run.folder = folder;
  std::error_code ec;
  const auto runJson = folder / "run.json";
  std::string panoramaName = "panorama.png";
  if (fs::is_regular_file(runJson, ec)) {
    try {
      const auto json = readJsonFile(runJson);
      run.viewCount = json.value("views", 0);
      run.fovDeg = json.value("fov_deg", 0.0);
      run.method = json.value("method", std::string());
      if (json.contains("prompts") && json["prompts"].is_array())
        for (const auto& prompt : json["prompts"])
          if (prompt.is_string()) run.prompts.push_back(prompt.get<std::string>());
      if (json.contains("panorama") && json["panorama"].is_object())
        panoramaName = json["panorama"].value("file", panoramaName);
      if (run.viewCount < 2 || !(run.fovDeg > 0 && run.fovDeg < 180))
        run.problem = "run.json lacks a usable \"views\" (≥ 2) or \"fov_deg\"";
    } catch (const std::exception& e) {
      run.problem = std::string("run.json cannot be read: ") + e.what();
    }
  } else {
    while (fs::is_regular_file(viewPath(folder, run.viewCount), ec)) ++run.viewCount;
    run.fovDeg = 90;
    run.note = "no run.json: assumed " + std::to_string(run.viewCount) + " views of 90° at yaw 360°·k/" +
               std::to_string(run.viewCount) + " (MVDiffusion's ring)";
    if (run.viewCount < 2) run.problem = "a ring needs at least two views (view_0.png, view_1.png, …)";
  }
  // The views run.json promises, then any further ones present (all go to FID/KID/IS).
  const int count = std::max(run.viewCount, 0);
  for (int k = 0; k < count || fs::is_regular_file(viewPath(folder, k), ec); ++k) {
    if (fs::is_regular_file(viewPath(folder, k), ec)) run.views.push_back(viewPath(folder, k));
    else if (run.problem.empty()) run.problem = viewPath(folder, k).filename().string() + " is missing";
  }
  if (static_cast<int>(run.views.size()) > count && run.problem.empty())
    run.problem = "holds more view_*.png files than run.json's " + std::to_string(count) + " views";
  if (fs::is_regular_file(folder / panoramaName, ec)) run.panorama = folder / panoramaName;
  return run;
}

GeneratedSet discoverGenerated(const std::vector<fs::path>& folders) {
  if (folders.empty()) throw Error("nothing to score: give a folder of generated images or panorama runs");
  GeneratedSet set;
  std::error_code ec;
  for (const auto& folder : folders) {
    if (!fs::exists(folder, ec)) throw Error(folder.string() + ": folder not found");
    if (!fs::is_directory(folder, ec)) throw Error(folder.string() + ": not a folder");
  }
  if (folders.size() > 1) {
    set.runsLayout = true;
    for (const auto& folder : folders) {
      if (!isPanoramaRunFolder(folder)) throw Error(folder.string() + " is not a panorama run (no view_0.png)");
      set.runs.push_back(readPanoramaRun(folder));
    }
  } else if (isPanoramaRunFolder(folders[0])) {
    set.runsLayout = true;
    set.runs.push_back(readPanoramaRun(folders[0]));
  } else {
    std::vector<fs::path> runFolders;
    for (const auto& entry : fs::directory_iterator(folders[0], ec))
      if (entry.is_directory(ec) && isPanoramaRunFolder(entry.path())) runFolders.push_back(entry.path());
    std::sort(runFolders.begin(), runFolders.end());
    set.runsLayout = !runFolders.empty();
    for (const auto& runFolder : runFolders) set.runs.push_back(readPanoramaRun(runFolder));
  }
  if (set.runsLayout) {
    for (const auto& run : set.runs) set.images.insert(set.images.end(), run.views.begin(), run.views.end());
  } else {
    set.images = listImageFiles(folders[0]);
  }
  if (set.images.empty())
    throw Error(folders[0].string() +
                " holds no images (PNG, JPEG, … files, or panorama runs: subfolders with view_0.png …)");
  return set;
}

}  // namespace panocast
