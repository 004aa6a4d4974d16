#pragma once
// The one exception type core throws: its message is written for the user ("what failed,
// and what to do"), so the CLI prints it as is and the GUI shows it in a dialog.
#include <stdexcept>
#include <string>

namespace panocast {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Thrown when a long operation notices that its caller asked it to stop.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

}  // namespace panocast
