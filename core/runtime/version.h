#pragma once
// Product version and the versions of the libraries it was built with, for --version and About.
#include <string>

namespace panocast {

std::string productVersion();
// One line per library, e.g. "LibTorch 1.13.1 (CPU)".
std::string buildDescription();

}  // namespace panocast
