#pragma once
// Finding what a metrics job scores: panorama runs (folders with view_0.png … and run.json, as
// `panocast generate --method … --out DIR` and the studio write them) or plain image folders.
#include <filesystem>
#include <string>
#include <vector>

namespace panocast {

struct PanoramaRun {
  std::filesystem::path folder;
  std::vector<std::filesystem::path> views;  // view_0.png … view_{N−1}.png that exist
  int viewCount = 0;                         // N, from run.json (or the views found)
  double fovDeg = 90;
  std::string method;
  std::vector<std::string> prompts;  // run.json's: one for all views or one per view; may be empty
  std::filesystem::path panorama;  // empty when there is none
  std::string problem;             // why consistency cannot be scored; empty when it can
  std::string note;                // e.g. the assumptions made without run.json
};

struct GeneratedSet {
  bool runsLayout = false;
  std::vector<PanoramaRun> runs;
  std::vector<std::filesystem::path> images;  // what FID/KID/IS see: the runs' views, or the folder's images
};

bool isPanoramaRunFolder(const std::filesystem::path& folder);
PanoramaRun readPanoramaRun(const std::filesystem::path& folder);

// One folder (of images, of runs, or a run) or several run folders. Throws panocast::Error
// naming the folder when there is nothing to score.
GeneratedSet discoverGenerated(const std::vector<std::filesystem::path>& folders);

}  // namespace panocast
