#include "runtime/device.h"

#include <torch/cuda.h>

#include "runtime/error.h"

namespace panocast {

c10::Device parseDevice(const std::string& name) {
  if (name == "cpu") return c10::Device(c10::kCPU);
  if (name == "auto") return torch::cuda::is_available() ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
  if (name.rfind("cuda", 0) == 0) {
    if (!torch::cuda::is_available())
      throw Error("device '" + name + "': no CUDA GPU is available to this build (use --device cpu)");
    int index = 0;
    if (name.size() > 4) {
      if (name[4] != ':') throw Error("device '" + name + "': write cuda or cuda:N");
      try {
        index = std::stoi(name.substr(5));
      } catch (const std::exception&) {
        throw Error("device '" + name + "': write cuda or cuda:N");
      }
    }
    if (index < 0 || index >= static_cast<int>(torch::cuda::device_count()))
      throw Error("device '" + name + "': only " + std::to_string(torch::cuda::device_count()) + " CUDA device(s)");
    return c10::Device(c10::kCUDA, static_cast<c10::DeviceIndex>(index));
  }
  throw Error("unknown device '" + name + "' (use cpu, cuda, cuda:N or auto)");
}

std::string describeDevice(const c10::Device& device) { return device.str(); }

}  // namespace panocast
