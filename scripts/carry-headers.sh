#!/usr/bin/env bash
# Copies the header-only libraries (nlohmann-json, stb, CLI11) from this Debian machine into
# .carry/include (git-ignored), for machines that have LibTorch but not these packages (the GPU
# machine): `cmake -DPANOCAST_ENGINE_ONLY=ON` finds them there.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .carry/include
cp -r /usr/include/nlohmann /usr/include/CLI .carry/include/
mkdir -p .carry/include/stb
cp /usr/include/stb/stb_image.h /usr/include/stb/stb_image_write.h .carry/include/stb/
du -sh .carry
