#include "runtime/child_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>

#include "runtime/error.h"

extern char** environ;

namespace panocast {
namespace {

// A helper that dies would otherwise kill us with SIGPIPE on the next write; with the signal
// ignored, write() fails with EPIPE instead and the caller reports the helper's own error.
void ignoreSigpipeOnce() {
  static std::once_flag once;
  std::call_once(once, [] { std::signal(SIGPIPE, SIG_IGN); });
}

}  // namespace

ChildProcess::ChildProcess(const std::filesystem::path& program, const std::vector<std::string>& arguments) {
  ignoreSigpipeOnce();
  char logTemplate[] = "/tmp/panocast-child-XXXXXX";
  const int logFd = mkstemp(logTemplate);
  if (logFd < 0) throw Error(std::string("cannot create a temporary file: ") + std::strerror(errno));
  errorLog_ = logTemplate;
  int pipeFds[2];
  // Close-on-exec on both ends: other helpers started later must not inherit our write end, or
  // this program would never see its input end.
  if (pipe2(pipeFds, O_CLOEXEC) != 0) {
    ::close(logFd);
    throw Error(std::string("cannot create a pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, logFd, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<std::string> argvStrings{program.string()};
  argvStrings.insert(argvStrings.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& a : argvStrings) argv.push_back(a.data());
  argv.push_back(nullptr);
  const int rc = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipeFds[0]);
  ::close(logFd);
  if (rc != 0) {
    ::close(pipeFds[1]);
    std::filesystem::remove(errorLog_);
    throw Error(program.string() + ": cannot start it: " + std::strerror(rc));
  }
  stdin_ = pipeFds[1];
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) finish();
  std::error_code ec;
  std::filesystem::remove(errorLog_, ec);
}

bool ChildProcess::write(const void* data, size_t size) {
  const auto* bytes = static_cast<const char*>(data);
  while (size > 0 && stdin_ >= 0) {
    const ssize_t n = ::write(stdin_, bytes, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    bytes += n;
    size -= static_cast<size_t>(n);
  }
  return size == 0;
}

int ChildProcess::finish() {
  if (stdin_ >= 0) ::close(stdin_), stdin_ = -1;
  if (pid_ > 0) {
    int status = 0;
    while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    pid_ = -1;
  }
  return status_;
}

std::string ChildProcess::errorTail(size_t maxChars) const {
  std::ifstream in(errorLog_, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text.size() > maxChars ? "…" + text.substr(text.size() - maxChars) : text;
}

}  // namespace panocast
