#pragma once
// CUDA-only services behind a header without CUDA types, so the engine builds the same with the
// CPU-only LibTorch: peak-memory statistics and graph capture/replay. On builds without CUDA the
// statistics read 0 and GpuGraph throws.
#include <c10/core/Device.h>

#include <functional>
#include <memory>

namespace panocast {

void resetPeakGpuMemory(const c10::Device& device);
double peakGpuMemoryGiB(const c10::Device& device);
// Returns the caching allocator's free blocks to the driver (after a failed step, say), so other
// programs and the next job see the memory again.
void releaseCachedGpuMemory();

// Brackets a region for external profilers started with capture off (ncu --profile-from-start off).
void gpuProfilerStart();
void gpuProfilerStop();

// Records `work` once on a side stream (after a warm-up run) and replays it with one launch.
// Tensors created inside `work` keep their addresses, so a replay refreshes them in place.
class GpuGraph {
 public:
  explicit GpuGraph(const c10::Device& device);
  ~GpuGraph();
  void capture(const std::function<void()>& work);
  void replay();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace panocast
