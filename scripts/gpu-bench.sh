#!/usr/bin/env bash
# Engine-only build and benchmarks on the GPU machine (LibTorch 2.x + CUDA, no Qt/OpenCV).
# Run there from the repository root with .carry (scripts/carry-headers.sh) carried along:
#   scripts/gpu-bench.sh [bench_name ...]     (default: bench_unet bench_geometry)
# Each benchmark's output is also written to $OUT/<name>.txt when $OUT is set.
set -euo pipefail
torch_prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
cmake -S . -B build-gpu -G Ninja -DPANOCAST_ENGINE_ONLY=ON -DPANOCAST_BUILD_TESTS=OFF \
  -DCMAKE_PREFIX_PATH="$torch_prefix" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CUDA_ARCHITECTURES=90 >/dev/null
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(bench_unet bench_geometry)
cmake --build build-gpu --parallel 16 --target "${benches[@]}" 2>&1 | grep -E "error|FAILED|warning: unused" | head -40 || true
cmake --build build-gpu --parallel 16 --target "${benches[@]}" >/dev/null
nvidia-smi --query-gpu=name,memory.total,clocks.max.sm --format=csv,noheader
for bench in "${benches[@]}"; do
  echo "== $bench"
  if [ -n "${OUT:-}" ]; then
    "build-gpu/bench/$bench" | tee "$OUT/$bench.txt"
  else
    "build-gpu/bench/$bench"
  fi
done
