#!/usr/bin/env bash
# The CLI as users meet it: bad input gives one clear line on stderr and a non-zero exit code.
set -u
panocast=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

expect_error() {  # expect_error "what stderr must contain" args...
  local needle=$1; shift
  if "$panocast" "$@" >"$tmp/out" 2>"$tmp/err"; then
    echo "FAIL: exit 0 for: panocast $*"; failures=$((failures + 1)); return
  fi
  if ! grep -qF -- "$needle" "$tmp/err"; then
    echo "FAIL: stderr of 'panocast $*' lacks '$needle':"; cat "$tmp/err"; failures=$((failures + 1)); return
  fi
  if [ "$(wc -l <"$tmp/err")" -gt 3 ]; then
    echo "FAIL: error for 'panocast $*' is not short:"; cat "$tmp/err"; failures=$((failures + 1))
  fi
}

printf 'P6\n4 4\n255\n' > "$tmp/tiny.ppm"
head -c 48 /dev/zero >> "$tmp/tiny.ppm"
python3 - "$tmp" <<'PY' 2>/dev/null || printf '\x89PNG\r\n' > "$tmp/square.png"
import sys, zlib, struct
def png(path, w, h):
    raw = b''.join(b'\x00' + b'\x80' * (w * 3) for _ in range(h))
    def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
png(sys.argv[1] + '/square.png', 64, 64)
png(sys.argv[1] + '/pano.png', 64, 32)
PY

expect_error "no such file" render --panorama "$tmp/missing.png" --out "$tmp/x.png"
expect_error "not an equirectangular" render --panorama "$tmp/square.png" --out "$tmp/x.png"
expect_error "--size" render --panorama "$tmp/pano.png" --size 12by7 --out "$tmp/x.png"
expect_error "--fov" render --panorama "$tmp/pano.png" --fov -5 --out "$tmp/x.png"
expect_error "--path" render --panorama "$tmp/pano.png" --path 0-360 --frames 10 --out "$tmp/x.mp4"
expect_error "unknown projection" render --panorama "$tmp/pano.png" --projection fisheye --out "$tmp/x.png"
expect_error "unsupported output format" render --panorama "$tmp/pano.png" --out "$tmp/x.tiff"
expect_error "device" render --panorama "$tmp/pano.png" --device tpu --out "$tmp/x.png"
expect_error "at least two views" stitch --views "$tmp/square.png" --out "$tmp/p.png"
expect_error "unknown blend" stitch --views "$tmp/square.png" "$tmp/square.png" --blend fancy --out "$tmp/p.png"
expect_error "same size" stitch --views "$tmp/square.png" "$tmp/pano.png" --out "$tmp/p.png"
expect_error "not an HDR image" tonemap --in "$tmp/pano.png" --out "$tmp/p.png"
expect_error "required" render --out "$tmp/x.png"

# Model commands (present when the build has the tokenizer).
tiny="$(cd "$(dirname "$0")/../../.." && pwd)/shared/fixtures/sd/tiny-sd2"
if "$panocast" generate --help >/dev/null 2>&1; then
  expect_error "model_index.json" generate --model "$tmp" --prompt x --out "$tmp/g.png"
  expect_error "no such model" generate --model "$tmp/none" --prompt x --out "$tmp/g.png"
  expect_error "unknown scheduler" generate --model "$tiny" --prompt x --scheduler lms --out "$tmp/g.png"
  expect_error "multiples of 64" generate --model "$tiny" --prompt x --size 100 --device cpu --out "$tmp/g.png"
  expect_error "--size" generate --model "$tiny" --prompt x --size big --device cpu --out "$tmp/g.png"
  expect_error "CUDA" generate --model "$tiny" --prompt x --dtype fp16 --device cpu --out "$tmp/g.png"
  expect_error "unsupported output format" generate --model "$tiny" --prompt x --out "$tmp/g.gif"
  expect_error "'latents'" generate --model "$tiny" --prompt x --latents "$tiny/unet/diffusion_pytorch_model.safetensors" --device cpu --out "$tmp/g.png"
  expect_error "--config" generate --model "$tiny/unet/diffusion_pytorch_model.safetensors" --prompt x --out "$tmp/g.png"
  expect_error "model_index.json" inspect --model "$tmp"
  expect_error "needs CAA weights" generate --model "$tiny" --prompt x --method caa --out "$tmp/pano"
  expect_error "unknown method" generate --model "$tiny" --prompt x --method sync --out "$tmp/pano"
  printf 'a\nb\nc\n' > "$tmp/three.txt"
  expect_error "exactly 8" generate --model "$tiny" --prompts "$tmp/three.txt" --method independent --steps 1 --device cpu --out "$tmp/pano"
  expect_error "cannot read" generate --model "$tiny" --prompts "$tmp/none.txt" --method independent --out "$tmp/pano"
  expect_error "unknown blend" generate --model "$tiny" --prompt x --method independent --blend fancy --out "$tmp/pano"
  expect_error "CAA weights not found" generate --model "$tiny" --prompt x --method caa --caa "$tmp/none.safetensors" --device cpu --out "$tmp/pano"
  [ ! -e "$tmp/pano" ] || { echo "FAIL: a failed panorama job left $tmp/pano"; failures=$((failures + 1)); }
fi

# Camera tracking (present when the build has OpenCV).
if "$panocast" track --help >/dev/null 2>&1; then
  expect_error "no such file" track --input "$tmp/missing.mp4" --fov 70 --out "$tmp/t.csv"
  printf 'not a video\n' > "$tmp/text.mp4"
  expect_error "cannot read it as a video" track --input "$tmp/text.mp4" --fov 70 --out "$tmp/t.csv"
  expect_error "--fov" track --input "$tmp/square.png" --fov 0 --out "$tmp/t.csv"
  expect_error "--fov" track --input "$tmp/square.png" --fov 200 --out "$tmp/t.csv"
  expect_error "does not exist" track --input "$tmp/square.png" --fov 70 --out "$tmp/none/t.csv"
  expect_error "required" track --fov 70 --out "$tmp/t.csv"
  [ ! -e "$tmp/t.csv" ] || { echo "FAIL: a failed track left $tmp/t.csv"; failures=$((failures + 1)); }
  # One CSV row per input frame, after the header (a blank scene: rows with confidence 0).
  if "$panocast" render --panorama "$tmp/pano.png" --size 64x48 --path 0:10 --frames 12 --out "$tmp/clip.mp4" >/dev/null 2>&1; then
    "$panocast" track --input "$tmp/clip.mp4" --fov 70 --out "$tmp/t.csv" >/dev/null 2>&1 || { echo "FAIL: valid track"; failures=$((failures + 1)); }
    [ "$(head -1 "$tmp/t.csv" 2>/dev/null)" = "frame,time,yaw,pitch,roll,confidence" ] || { echo "FAIL: track CSV header"; failures=$((failures + 1)); }
    [ "$(wc -l <"$tmp/t.csv" 2>/dev/null)" -eq 13 ] || { echo "FAIL: track CSV needs 12 rows"; failures=$((failures + 1)); }
  fi
fi

"$panocast" render --panorama "$tmp/pano.png" --size 32x16 --out "$tmp/ok.png" >/dev/null || { echo "FAIL: valid render"; failures=$((failures + 1)); }
[ -f "$tmp/ok.png" ] || { echo "FAIL: no output"; failures=$((failures + 1)); }
[ -z "$(ls "$tmp" | grep partial)" ] || { echo "FAIL: partial files left"; failures=$((failures + 1)); }

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
