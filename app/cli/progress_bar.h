#pragma once
// A terminal progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise
// (logs and CI stay readable).
#include <chrono>
#include <string>

#include "engine/sampler.h"

namespace panocast::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::string label);
  ~ProgressBar();
  // `done` of `total` units; `detail` is appended (for example the timestep).
  void update(int done, int total, const std::string& detail = {});
  void finish();

 private:
  std::string label_;
  bool terminal_;
  bool finished_ = false;
  int lastTenth_ = -1;
  std::chrono::steady_clock::time_point start_;
};

// Sampling that draws `bar` after every step (with the timestep) and stops on Ctrl-C.
SamplingControl terminalSamplingControl(ProgressBar& bar);

}  // namespace panocast::cli
