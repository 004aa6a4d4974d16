#include "runtime/torch_errors.h"

namespace panocast {

bool isOutOfMemory(const c10::Error& error) {
  const std::string message = error.what_without_backtrace();
  return message.find("out of memory") != std::string::npos;
}

std::string describeTorchError(const c10::Error& error) {
  if (isOutOfMemory(error))
    return "the GPU ran out of memory; use fp16 precision, a smaller size or fewer views, or close other "
           "programs using the GPU";
  std::string message = error.what_without_backtrace();
  const auto newline = message.find('\n');
  if (newline != std::string::npos) message.resize(newline);
  return "internal tensor error: " + message;
}

}  // namespace panocast
