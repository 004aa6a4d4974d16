#pragma once
// Device choice from user text ("cpu", "cuda", "cuda:1", "auto"), with errors that say why a
// GPU cannot be used instead of silently falling back.
#include <c10/core/Device.h>

#include <string>

namespace panocast {

c10::Device parseDevice(const std::string& name);
std::string describeDevice(const c10::Device& device);

}  // namespace panocast
