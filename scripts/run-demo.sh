#!/usr/bin/env bash
# The main job on the embedded defaults: the live preview, headless. With no webcam or footage
# at hand, set-up's samples make a SYNTHETIC webcam clip (a hand-held camera looking around one
# panorama, NASA's astronaut portrait in front); `panocast composite` then cuts the person out,
# tracks the camera and puts another panorama behind her, turning with the camera.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p out
panocast=build/app/panocast
$panocast synth-clip --panorama data/samples/interior.png --person data/people/astronaut.png \
  --seconds 8 --size 1280x720 --fov 70 --out out/webcam-synthetic.mp4 --truth-csv out/webcam-synthetic-path.csv
$panocast composite --input out/webcam-synthetic.mp4 --panorama data/samples/forest.png --fov 70 \
  --overlays hud --output out/composite.mp4 --track-csv out/composite-track.csv
echo "play it with: ffplay out/composite.mp4   (input: out/webcam-synthetic.mp4; true camera path:"
echo "out/webcam-synthetic-path.csv, tracked: out/composite-track.csv)"
echo "a fly-around of a panorama: $panocast render --panorama data/samples/city.png --path -180:180 --frames 240 --size 1280x720 --out out/fly.mp4"
