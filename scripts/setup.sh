#!/usr/bin/env bash
# Sets up everything PanoCast Studio needs on Debian 12, idempotently:
#   1. Debian packages (scripts/apt-packages.txt), installed only if missing;
#   2. the MediaPipe selfie segmentation models, from npm (Apache-2.0), into data/models;
#   3. the build (CMake + Ninja, ccache), into build/;
#   4. Blender's eight CC0 equirectangular panoramas, tone-mapped from HDR, into data/samples;
#   5. a public-domain portrait (NASA's astronaut photo shipped in Debian's python3-skimage) for
#      the synthetic webcam clip of the demo, into data/people.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

step() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "Debian packages"
mapfile -t packages < <(grep -v '^\s*#' scripts/apt-packages.txt | sed '/^\s*$/d')
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "all ${#packages[@]} packages present"
fi
command -v npm >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null

step "MediaPipe selfie segmentation models (npm)"
models=data/models/selfie_segmentation
if [ -f "$models/selfie_segmentation.tflite" ] && [ -f "$models/selfie_segmentation_landscape.tflite" ]; then
  echo "present in $models"
else
  mkdir -p "$models"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent @mediapipe/selfie_segmentation >/dev/null && tar xzf ./*.tgz)
  cp "$tmp"/package/selfie_segmentation.tflite "$tmp"/package/selfie_segmentation_landscape.tflite "$models"/
  cp "$tmp"/package/package.json "$models"/package.json
  rm -rf "$tmp"
  echo "fetched into $models ($(jq -r .version "$models/package.json" 2>/dev/null || grep -m1 '"version"' "$models/package.json"))"
fi

step "Build"
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-5G}
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
# Two jobs at most: each LibTorch translation unit needs ~1.5 GiB and the machines are small.
cmake --build build --parallel "${PANOCAST_JOBS:-2}"

step "Sample panoramas (Blender studio lights, CC0)"
samples=data/samples
mkdir -p "$samples"
for exr in /usr/share/blender/datafiles/studiolights/world/*.exr; do
  png="$samples/$(basename "${exr%.exr}").png"
  [ -f "$png" ] || build/app/panocast tonemap --in "$exr" --out "$png" >/dev/null
done
cp /usr/share/blender/datafiles/studiolights/world/license.txt "$samples/LICENSE-blender-studiolights.txt"
echo "$(ls "$samples"/*.png | wc -l) panoramas in $samples"

step "Portrait for the synthetic webcam clip (public domain, from Debian's python3-skimage)"
people=data/people
mkdir -p "$people"
portrait=$people/astronaut.png
if [ -f "$portrait" ]; then
  echo "present: $portrait"
else
  # Only the one picture is taken out of the package; the package itself is not installed.
  tmp=$(mktemp -d)
  chmod 777 "$tmp"  # apt's sandbox user writes the download there
  if ! (cd "$tmp" && apt-get download -qq python3-skimage 2>/dev/null); then
    as_root apt-get update -qq
    (cd "$tmp" && apt-get download -qq python3-skimage)
  fi
  dpkg-deb --fsys-tarfile "$tmp"/python3-skimage_*.deb |
    tar -xO ./usr/lib/python3/dist-packages/skimage/data/astronaut.png > "$portrait.partial"
  mv "$portrait.partial" "$portrait"
  rm -rf "$tmp"
  cat > "$people/LICENSE-astronaut.txt" <<'TXT'
astronaut.png: astronaut Eileen Collins, NASA photograph (public domain), as distributed in
scikit-image's data folder (Debian package python3-skimage). Used only to make a clearly
labelled synthetic webcam clip for the demo and tests.
TXT
  echo "extracted $portrait"
fi
