#pragma once
// How many CPU threads LibTorch's operators use. Debian's LibTorch starts with one, so a CPU
// generation or an Inception pass on an 8-core desktop would use an eighth of the machine. The
// programs call this once at start: every core, unless the user chose with OMP_NUM_THREADS (or
// PANOCAST_THREADS) — results on the CPU are deterministic for a given thread count either way.
namespace panocast {

// Returns the number of threads now in use.
int useCpuThreads();

}  // namespace panocast
