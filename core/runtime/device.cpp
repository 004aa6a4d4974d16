#include "runtime/device.h"

#include <torch/cuda.h>

#include "runtime/device_names.h"
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

c10::ScalarType parsePrecision(const std::string& name, const c10::Device& device) {
  if (name == "auto") return device.is_cuda() ? c10::kHalf : c10::kFloat;
  if (name == "fp32") return c10::kFloat;
  if (name == "fp16" || name == "bf16") {
    if (!device.is_cuda()) throw Error("precision " + name + " needs a CUDA device; the CPU runs fp32");
    return name == "fp16" ? c10::kHalf : c10::kBFloat16;
  }
  throw Error("unknown precision '" + name + "' (fp32, fp16, bf16 or auto)");
}

std::string precisionName(c10::ScalarType type) {
  switch (type) {
    case c10::kHalf: return "fp16";
    case c10::kBFloat16: return "bf16";
    default: return "fp32";
  }
}

std::vector<std::string> availableDeviceNames() {
  std::vector<std::string> names{"cpu"};
  if (torch::cuda::is_available())
    for (size_t i = 0; i < torch::cuda::device_count(); ++i) names.push_back("cuda:" + std::to_string(i));
  return names;
}

std::string resolveDeviceName(const std::string& name) {
  const auto device = parseDevice(name);
  return device.is_cuda() ? "cuda:" + std::to_string(device.index() < 0 ? 0 : device.index()) : "cpu";
}

}  // namespace panocast
