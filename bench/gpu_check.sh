#!/usr/bin/env bash
# Every WebGPU check on a machine with a real GPU, in one go, within 9 minutes (see ../shared/gpu/README.md):
#   on the development machine: bash ../shared/gpu/prepare.sh   (fills .gpu/ and node_modules/)
#   on the GPU machine:         bash .gpu/enter.sh bash bench/gpu_check.sh
# Writes under $OUT (default gpu-check-out/), six files at most:
#   env.txt            GPU, driver and WebGPU adapter
#   webgpu_tests.log   the WebGPU tests (parity with float64, sweeps, device loss, loop caps)
#   parity.json        1 − cos and relative norm error reached per problem × optimizer, 1e4 and 2e5 steps (multi: 1e4)
#   bench_gpu.json     deno task bench:gpu (CPU engine, per-step dispatch, fused, sweep of 128; linear rows
#                      with the copy bandwidth, the fraction of the HBM-bound rate and issue 12's two targets;
#                      with subgroups also "webgpu-fused-barriers", the barrier-tree reductions forced)
#   bench_gpu.log      its table (the "reductions:" line says whether subgroups ran)
#   torch.jsonl        PyTorch eager and CUDA-graph baselines on the same workload
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="${OUT:-gpu-check-out}"
mkdir -p "$OUT"
{
  date -u
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv || true
  deno --version | head -1
  deno eval 'const a = await navigator.gpu.requestAdapter(); console.log("webgpu adapter:", JSON.stringify(a?.info), JSON.stringify({ maxComputeWorkgroupStorageSize: a?.limits.maxComputeWorkgroupStorageSize, subgroups: a?.features.has("subgroups"), subgroupMinSize: a?.info.subgroupMinSize, subgroupMaxSize: a?.info.subgroupMaxSize }))'
} > "$OUT/env.txt" 2>&1
cat "$OUT/env.txt"

status=0
echo "== WebGPU tests (the Tint compile test needs Chromium, which the GPU machine lacks)"
BIASFLOW_SKIP_BROWSER=1 timeout 150 deno test -A tests/webgpu/ tests/backend/create_engines_test.ts tests/streams/sweep_test.ts \
  > "$OUT/webgpu_tests.log" 2>&1 || status=1
grep -E "^(ok|FAILED) \|" "$OUT/webgpu_tests.log" || tail -20 "$OUT/webgpu_tests.log"

echo "== parity with float64"
timeout 180 deno run -A bench/webgpu_parity.ts --multi 10000 --out "$OUT/parity.json" | tail -1 || status=1

echo "== bench:gpu (the linear rows first: issue 12's targets; then the networks)"
timeout 150 deno task bench:gpu --out "$OUT/bench_gpu.json" 2>&1 | tee "$OUT/bench_gpu.log" || status=1
grep -E "^(reductions|copy bandwidth|target)" "$OUT/bench_gpu.log" || true

echo "== PyTorch baseline"
timeout 60 python3 .gpu/torch_baseline.py 256 8 65536 256 2>&1 | tee "$OUT/torch.jsonl" || status=1
exit $status
