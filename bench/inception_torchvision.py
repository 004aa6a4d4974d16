#!/usr/bin/env python3
"""The comparison for bench_metrics: torchvision's inception_v3 (random weights, eval, no aux
logits) at the same batch and input size, on the same GPU, eager; fp32 exact, TF32, fp16."""
import sys, time
import torch, torchvision

batch = int(sys.argv[1]) if len(sys.argv) > 1 else 100
dev = "cuda"
torch.manual_seed(0)
model = torchvision.models.inception_v3(weights=None, aux_logits=False, init_weights=False).eval().to(dev)
x = torch.rand(batch, 3, 299, 299, device=dev) * 2 - 1

def median_seconds(fn, repeats=10, warmup=2):
    for _ in range(warmup):
        fn()
    torch.cuda.synchronize()
    times = []
    for _ in range(repeats):
        t = time.perf_counter(); fn(); torch.cuda.synchronize(); times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]

def report(name, s):
    print(f"  {name:<34} {s * 1e3:8.1f} ms/batch {batch / s:9.0f} images/s")

print(f"torchvision inception_v3 {torchvision.__version__}, torch {torch.__version__}, batch {batch}")
with torch.inference_mode():
    torch.backends.cuda.matmul.allow_tf32 = False; torch.backends.cudnn.allow_tf32 = False
    report("fp32 (exact, TF32 off)", median_seconds(lambda: model(x)))
    torch.backends.cuda.matmul.allow_tf32 = True; torch.backends.cudnn.allow_tf32 = True
    report("fp32 with TF32", median_seconds(lambda: model(x)))
    half = model.half(); xh = x.half()
    report("fp16", median_seconds(lambda: half(xh)))
    report("fp16, channels-last input", median_seconds(lambda: half(xh.contiguous(memory_format=torch.channels_last))))
