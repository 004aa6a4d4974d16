#!/usr/bin/env bash
# Builds a libFuzzer target with clang (AddressSanitizer + UBSan) and runs it for a while,
# seeded with real files. Usage: run_fuzzer.sh NAME SECONDS BUILD_DIR SEED_FILE...
set -euo pipefail
name=$1 seconds=$2 out=$3; shift 3
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$out/corpus-$name"
for seed in "$@"; do head -c 200000 "$seed" > "$out/corpus-$name/$(basename "$seed")"; done
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root/core" "$here/fuzz_$name.cpp" "$root/core/io/${name}_header.cpp" -o "$out/fuzz_$name"
"$out/fuzz_$name" -max_total_time="$seconds" -max_len=300000 -print_final_stats=1 "$out/corpus-$name" 2>&1 | tail -15
