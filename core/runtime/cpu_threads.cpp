#include "runtime/cpu_threads.h"

#include <torch/torch.h>

#include <cstdlib>
#include <thread>

namespace panocast {

int useCpuThreads() {
  if (const char* chosen = std::getenv("PANOCAST_THREADS")) {
    const int n = std::atoi(chosen);
    if (n > 0) torch::set_num_threads(n);
  } else if (!std::getenv("OMP_NUM_THREADS")) {
    const unsigned cores = std::thread::hardware_concurrency();
    if (cores > 0) torch::set_num_threads(static_cast<int>(cores));
  }
  return torch::get_num_threads();
}

}  // namespace panocast
