#!/usr/bin/env bash
# Builds a libFuzzer target with clang (AddressSanitizer + UBSan) and runs it for a while,
# seeded with real files. Usage: run_fuzzer.sh NAME SECONDS BUILD_DIR SEED_FILE...
set -euo pipefail
name=$1 seconds=$2 out=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$out/corpus-$name"
for seed in "$@"; do head -c 200000 "$seed" > "$out/corpus-$name/$(basename "$seed")"; done
# The parser sources each harness needs (they are torch-free, so they build with clang alone).
extra=()
max_len=300000
case $name in
  safetensors) sources=("$root/core/io/safetensors_header.cpp") ;;
  json) sources=("$root/core/io/json_file.cpp") ;;
  tflite) sources=("$root/core/io/tflite_model.cpp"); for seed in "$@"; do cp "$seed" "$out/corpus-$name/"; done ;;  # whole models as seeds: a cut one only exercises rejection
  pickle) sources=("$root/core/io/safe_unpickler.cpp" "$root/core/io/pickle_document.cpp") ;;
  tokenizer)
    sources=("$root/core/text/clip_tokenizer.cpp" "$root/core/io/json_file.cpp")
    extra=(-DPANOCAST_FUZZ_TOKENIZER_DIR="\"$root/../shared/fixtures/sd/tiny-sd2/tokenizer\"" -licuuc)
    max_len=4096 ;;
  *) echo "unknown fuzz target $name" >&2; exit 2 ;;
esac
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/core" "$here/fuzz_$name.cpp" "${sources[@]}" "${extra[@]}" -o "$out/fuzz_$name"
"$out/fuzz_$name" -max_total_time="$seconds" -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$out/" "$out/corpus-$name" 2>&1 | tail -15
