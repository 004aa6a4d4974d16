#include "nn/fused_kernels.h"

#include <atomic>

namespace panocast {
namespace {
std::atomic<bool> enabled{true};
}  // namespace

bool fusedKernelsBuilt() { return PANOCAST_WITH_CUDA_KERNELS != 0; }
bool fusedKernelsEnabled() { return fusedKernelsBuilt() && enabled.load(); }
void setFusedKernelsEnabled(bool on) { enabled = on; }

}  // namespace panocast
