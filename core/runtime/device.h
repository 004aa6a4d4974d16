#pragma once
// Device choice from user text ("cpu", "cuda", "cuda:1", "auto"), with errors that say why a
// GPU cannot be used instead of silently falling back.
#include <c10/core/Device.h>
#include <c10/core/ScalarType.h>

#include <string>

namespace panocast {

c10::Device parseDevice(const std::string& name);
std::string describeDevice(const c10::Device& device);

// Precision from user text ("fp32", "fp16", "bf16", "auto": fp16 on CUDA, fp32 on the CPU);
// half precisions need a CUDA device.
c10::ScalarType parsePrecision(const std::string& name, const c10::Device& device);
std::string precisionName(c10::ScalarType type);

}  // namespace panocast
