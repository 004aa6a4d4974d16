#include "runtime/version.h"

#include <torch/cuda.h>
#include <torch/version.h>

#include <sstream>

#include "panocast_config.h"

namespace panocast {

std::string productVersion() { return PANOCAST_VERSION; }

std::string buildDescription() {
  std::ostringstream out;
  out << "PanoCast Studio " << PANOCAST_VERSION << "\n"
      << "LibTorch " << TORCH_VERSION << (torch::cuda::is_available() ? " (CUDA available)" : " (CPU)")
      << "\n"
      << "OpenEXR input: " << (PANOCAST_HAVE_EXR ? "OpenEXR" : "not built") << "\n"
      << "Video and live features: " << (PANOCAST_HAVE_OPENCV ? "OpenCV" : "not built (engine-only build)");
  return out.str();
}

}  // namespace panocast
