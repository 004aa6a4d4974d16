#pragma once
// Wall-clock seconds for the stage timings that jobs report (callers synchronise the GPU first).
#include <chrono>

namespace panocast {

inline double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace panocast
