#pragma once
// The fixtures' deterministic FID Inception (det_fill weights over metrics_keys.json's full-size
// key list, fixtures.md §2; checked against pytorch-fid in test_fid_inception.cpp), shared by the
// feature-cache and `panocast metrics` tests.
#include <torch/torch.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "io/json_file.h"
#include "io/safetensors.h"
#include "nn/fid_inception.h"
#include "support/det.h"
#include "support/fixtures.h"

namespace panocast::test {

inline const std::map<std::string, at::Tensor>& detInceptionWeights() {
  static const std::map<std::string, at::Tensor> weights = [] {
    const auto keys = readJsonFile(fixture("metrics/metrics_keys.json"));
    std::map<std::string, std::vector<int64_t>> floating;
    std::vector<std::string> counters;
    for (const auto& [name, shape] : keys.at("fid_inception").items()) {
      if (name.size() > 20 && name.compare(name.size() - 20, 20, ".num_batches_tracked") == 0) counters.push_back(name);
      else floating[name] = shape.get<std::vector<int64_t>>();
    }
    return detFill(floating, counters);
  }();
  return weights;
}

inline FidInception detInception() { return fidInceptionFromTensors(detInceptionWeights(), "det_fill weights"); }

// The weights as a safetensors file (what `--inception` takes), written once per build tree.
inline std::filesystem::path detInceptionFile() {
  namespace fs = std::filesystem;
  const auto file = fs::path(PANOCAST_BINARY_DIR) / "test-output" / "det-inception" / "fid_inception_det.safetensors";
  if (!fs::exists(file)) {
    fs::create_directories(file.parent_path());
    writeSafetensors(file, detInceptionWeights());  // atomic: parallel test processes may race here
    // Old enough for the hash index to remember it (files written moments ago are re-read).
    fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::hours(1));
  }
  return file;
}

}  // namespace panocast::test
