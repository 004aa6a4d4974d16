#pragma once
// LibTorch's exceptions carry C++ backtraces and internal wording; users get one readable line,
// and out-of-memory on the GPU says what to change.
#include <c10/util/Exception.h>

#include <string>

namespace panocast {

std::string describeTorchError(const c10::Error& error);
bool isOutOfMemory(const c10::Error& error);

}  // namespace panocast
