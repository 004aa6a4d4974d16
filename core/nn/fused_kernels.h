#pragma once
// The project's own CUDA kernels (nn/cuda/): whether this build has them (LibTorch with CUDA and
// nvcc at build time) and whether they are used. On by default; benchmarks switch them off to
// measure LibTorch's route in the same run. Without them every operation has a LibTorch path.
namespace panocast {

bool fusedKernelsBuilt();
bool fusedKernelsEnabled();  // built and not switched off
void setFusedKernelsEnabled(bool enabled);

}  // namespace panocast
