#include "interrupt.h"

#include <unistd.h>

#include <atomic>
#include <csignal>

namespace panocast::cli {
namespace {

std::atomic<bool> requested{false};

void onInterrupt(int) {
  if (requested.exchange(true)) _exit(130);
  const char message[] = "\npanocast: stopping after the current step (Ctrl-C again to quit now)\n";
  [[maybe_unused]] auto written = write(STDERR_FILENO, message, sizeof message - 1);
}

}  // namespace

void installInterruptHandler() { std::signal(SIGINT, onInterrupt); }
bool interruptRequested() { return requested.load(); }

}  // namespace panocast::cli
