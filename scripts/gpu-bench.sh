#!/usr/bin/env bash
# Engine-only build and benchmarks on the GPU machine (LibTorch 2.x + CUDA, no Qt/OpenCV).
# Run there from the repository root with .carry (scripts/carry-headers.sh) carried along.
set -euo pipefail
torch_prefix=$(python3 -c 'import torch;print(torch.utils.cmake_prefix_path)')
cmake -S . -B build-gpu -G Ninja -DPANOCAST_ENGINE_ONLY=ON -DPANOCAST_BUILD_TESTS=OFF \
  -DCMAKE_PREFIX_PATH="$torch_prefix" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CUDA_ARCHITECTURES=90 >/dev/null
cmake --build build-gpu --parallel 16
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
build-gpu/bench/bench_geometry
