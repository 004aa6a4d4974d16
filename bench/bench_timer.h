#pragma once
// Wall-clock timing helpers for benchmarks: warm-up, then the median of repeated runs.
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace panocast::bench {

// Median seconds per call of `work` over `repeats` runs after `warmup` untimed runs. `sync`
// (optional) waits for asynchronous devices before each clock read.
inline double medianSeconds(const std::function<void()>& work, int repeats, int warmup = 1,
                            const std::function<void()>& sync = {}) {
  for (int i = 0; i < warmup; ++i) work();
  if (sync) sync();
  std::vector<double> times;
  for (int i = 0; i < repeats; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work();
    if (sync) sync();
    times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::nth_element(times.begin(), times.begin() + times.size() / 2, times.end());
  return times[times.size() / 2];
}

}  // namespace panocast::bench
