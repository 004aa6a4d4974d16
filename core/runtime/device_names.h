#pragma once
// The devices this build can run on, by the names users type ("cpu", "cuda:0", …). A header
// without LibTorch types, for the studio's device menus.
#include <string>
#include <vector>

namespace panocast {

// "cpu" first, then every CUDA device ("cuda:0", "cuda:1", …) this process can use.
std::vector<std::string> availableDeviceNames();

// What "auto" (or an explicit name) resolves to: "cuda:0" when a GPU is available, else "cpu".
// Throws panocast::Error for names that cannot be used here.
std::string resolveDeviceName(const std::string& name);

}  // namespace panocast
