#include "progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <sstream>

#include "interrupt.h"

namespace panocast::cli {

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), terminal_(isatty(fileno(stderr)) != 0), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
  if (terminal_ && !finished_ && lastTenth_ >= 0) std::fputc('\n', stderr);
}

void ProgressBar::update(int done, int total, const std::string& detail) {
  if (total <= 0) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = elapsed > 0 ? done / elapsed : 0;
  const double eta = rate > 0 ? (total - done) / rate : 0;
  const int tenth = done * 10 / total;
  if (!terminal_) {
    if (tenth == lastTenth_) return;
    lastTenth_ = tenth;
    std::fprintf(stderr, "%s %d/%d (%.2f it/s, %.1f s)%s%s\n", label_.c_str(), done, total, rate, elapsed,
                 detail.empty() ? "" : " ", detail.c_str());
    return;
  }
  lastTenth_ = tenth;
  constexpr int kWidth = 30;
  const int filled = done * kWidth / total;
  std::string bar(filled, '#');
  bar.append(kWidth - filled, '-');
  std::fprintf(stderr, "\r%s [%s] %d/%d  %.2f it/s  ETA %.0f s  %s\033[K", label_.c_str(), bar.c_str(), done, total,
               rate, eta, detail.c_str());
  std::fflush(stderr);
}

SamplingControl terminalSamplingControl(ProgressBar& bar) {
  SamplingControl control;
  control.cancelRequested = interruptRequested;
  control.onStep = [&bar](const SamplingProgress& p) {
    std::ostringstream detail;
    detail << "t=" << p.timestep;
    bar.update(p.call + 1, p.calls, detail.str());
  };
  return control;
}

void ProgressBar::finish() {
  if (terminal_ && !finished_ && lastTenth_ >= 0) std::fputc('\n', stderr);
  finished_ = true;
}

}  // namespace panocast::cli
