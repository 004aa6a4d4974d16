#pragma once
// A helper program we feed through its standard input (ffmpeg for recordings): spawned without a
// shell, its stderr kept in a temporary file so a failure can be reported in its own words.
#include <sys/types.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace panocast {

class ChildProcess {
 public:
  // Starts `program` with `arguments` (argv[1..]); throws panocast::Error when it cannot start.
  ChildProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments);
  ~ChildProcess();  // closes stdin and waits, so the program can finish its work
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Writes all of `data` to the program's stdin; false when the program has gone away.
  bool write(const void* data, size_t size);
  // Closes stdin and waits; returns the exit status (128 + signal when it was killed).
  int finish();
  // The end of what the program wrote to stderr (for error messages).
  std::string errorTail(size_t maxChars = 600) const;

 private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int status_ = -1;
  std::filesystem::path errorLog_;
};

}  // namespace panocast
