#pragma once
// Every difference between LibTorch 1.13 (Debian, CPU) and 2.x (GPU machine) lives here,
// so the rest of the code is written once.
#include <torch/version.h>

#define PANOCAST_TORCH_AT_LEAST(major, minor) \
  (TORCH_VERSION_MAJOR > (major) ||           \
   (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace panocast::compat {

inline constexpr int kTorchMajor = TORCH_VERSION_MAJOR;
inline constexpr int kTorchMinor = TORCH_VERSION_MINOR;

}  // namespace panocast::compat
