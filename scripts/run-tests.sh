#!/usr/bin/env bash
# The whole test suite: engine tests, CLI tests and GUI tests (on a virtual X server).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=xcb LIBGL_ALWAYS_SOFTWARE=1
xvfb-run -a -s "-screen 0 1920x1080x24" ctest --test-dir build --output-on-failure --timeout 1200 "$@"
