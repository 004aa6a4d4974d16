#!/usr/bin/env bash
# Builds the Debian package from the build tree, checks what it declares and contains, installs
# it into a scratch root (dpkg-deb -x: no root rights needed, the system is left alone) and
# starts the installed `panocast --version` and the studio (a screenshot, then it quits).
# usage: test_deb_package.sh BUILD_DIR SCRATCH_DIR
set -euo pipefail
build=$1
scratch=$2
rm -rf "$scratch" && mkdir -p "$scratch"/pkg "$scratch"/root "$scratch"/home
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$scratch/pkg" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; fail "cpack"; }
deb=$(ls "$scratch"/pkg/*.deb)
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

info=$(dpkg-deb --info "$deb")
echo "$info" | grep -q "^ Package: panocast-studio" || fail "package name"
depends=$(echo "$info" | sed -n 's/^ Depends: //p')
for lib in libtorch libqt6widgets6 libopencv qt6-qpa-plugins; do
  echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib: $depends"
done

contents=$(dpkg-deb --contents "$deb")
for path in ./usr/bin/panocast ./usr/bin/panocast-studio \
            ./usr/share/applications/org.panocast.Studio.desktop \
            ./usr/share/metainfo/org.panocast.Studio.metainfo.xml \
            ./usr/share/icons/hicolor/scalable/apps/org.panocast.Studio.svg; do
  echo "$contents" | grep -q " $path\$" || fail "missing $path"
done
if [ -d "$(dirname "$0")/../../data/models/selfie_segmentation" ]; then
  echo "$contents" | grep -q "usr/share/panocast/models/selfie_segmentation/selfie_segmentation.tflite" ||
    fail "the selfie models are not packaged"
fi
if command -v desktop-file-validate >/dev/null; then
  dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/applications/org.panocast.Studio.desktop >"$scratch/entry.desktop"
  problems=$(desktop-file-validate "$scratch/entry.desktop" 2>&1 || true)
  if echo "$problems" | grep -q "error"; then fail "desktop entry: $problems"; fi
fi

dpkg-deb -x "$deb" "$scratch/root"
"$scratch/root/usr/bin/panocast" --version | tee "$scratch/version.txt"
grep -qi "panocast" "$scratch/version.txt" || fail "--version"
# The installed CLI finds the packaged segmenter (share/panocast/models next to bin/).
if echo "$contents" | grep -q selfie_segmentation.tflite; then
  "$scratch/root/usr/bin/panocast" segment --help >/dev/null
fi

# The installed studio starts, draws and quits on the (virtual) X display the tests run on.
# Qt's "offscreen" platform has no OpenGL for the 3D viewer: there the studio must refuse with a
# clear message, not crash.
run_studio() { HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" timeout 120 "$scratch/root/usr/bin/panocast-studio" "$@"; }
if [ -n "${DISPLAY:-}" ]; then
  QT_QPA_PLATFORM=xcb run_studio --screenshot "$scratch/studio.png" || fail "the studio did not start"
  [ -s "$scratch/studio.png" ] || fail "no screenshot"
fi
set +e
QT_QPA_PLATFORM=offscreen run_studio --screenshot "$scratch/offscreen.png" >"$scratch/offscreen.log" 2>&1
code=$?
set -e
[ "$code" -eq 1 ] || { cat "$scratch/offscreen.log"; fail "offscreen: exit code $code (expected a clean refusal, 1)"; }
grep -q "xvfb-run" "$scratch/offscreen.log" || fail "offscreen: no explanation"
echo "installed and started: $(ls -la "$scratch/studio.png" | awk '{print $5}') byte screenshot"
