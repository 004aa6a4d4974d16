#include "live/frame_source.h"

#include <chrono>

namespace panocast {

qint64 captureClockNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace panocast
