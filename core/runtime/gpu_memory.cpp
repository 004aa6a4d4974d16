#include "runtime/gpu_memory.h"

#include "runtime/error.h"

#if PANOCAST_WITH_CUDA
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <cuda_profiler_api.h>
#endif

namespace panocast {

#if PANOCAST_WITH_CUDA

void resetPeakGpuMemory(const c10::Device& device) {
  if (device.is_cuda()) c10::cuda::CUDACachingAllocator::resetPeakStats(device.index() < 0 ? 0 : device.index());
}

double peakGpuMemoryGiB(const c10::Device& device) {
  if (!device.is_cuda()) return 0;
  const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(device.index() < 0 ? 0 : device.index());
  return static_cast<double>(stats.allocated_bytes[0].peak) / (1024.0 * 1024.0 * 1024.0);
}

void releaseCachedGpuMemory() { c10::cuda::CUDACachingAllocator::emptyCache(); }

void gpuProfilerStart() { cudaProfilerStart(); }
void gpuProfilerStop() { cudaProfilerStop(); }

struct GpuGraph::State {
  c10::Device device;
  at::cuda::CUDAGraph graph;
  explicit State(const c10::Device& d) : device(d) {}
};

GpuGraph::GpuGraph(const c10::Device& device) : state_(std::make_unique<State>(device)) {
  if (!device.is_cuda()) throw Error("CUDA graphs need a CUDA device");
}
GpuGraph::~GpuGraph() = default;

void GpuGraph::capture(const std::function<void()>& work) {
  c10::cuda::CUDAGuard deviceGuard(state_->device);
  auto stream = c10::cuda::getStreamFromPool();
  c10::cuda::CUDAStreamGuard streamGuard(stream);
  work();  // warm-up: lazy initialisation (cuBLAS handles, cuDNN plans) must not happen in capture
  stream.synchronize();
  state_->graph.capture_begin();
  work();
  state_->graph.capture_end();
}

void GpuGraph::replay() { state_->graph.replay(); }

#else

void resetPeakGpuMemory(const c10::Device&) {}
double peakGpuMemoryGiB(const c10::Device&) { return 0; }
void releaseCachedGpuMemory() {}

void gpuProfilerStart() {}
void gpuProfilerStop() {}

struct GpuGraph::State {};
GpuGraph::GpuGraph(const c10::Device&) { throw Error("this build has no CUDA support (CUDA graphs unavailable)"); }
GpuGraph::~GpuGraph() = default;
void GpuGraph::capture(const std::function<void()>&) {}
void GpuGraph::replay() {}

#endif

}  // namespace panocast
