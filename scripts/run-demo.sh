#!/usr/bin/env bash
# The main job on the embedded defaults: a fly-around video of a sample panorama.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
build/app/panocast render --panorama data/samples/interior.png --path -180:180 --frames 240 --fps 30 \
  --fov 100 --pitch -5 --size 1280x720 --out out/flyaround.mp4
echo "play it with: ffplay out/flyaround.mp4   (or open the studio: build/app/studio/panocast-studio)"
