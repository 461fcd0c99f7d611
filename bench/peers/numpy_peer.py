"""NumPy peer for biasflow's benchmark (bench/run_bench.ts).

Reads one JSON command per line on stdin and answers one JSON line on stdout:
  {"cmd": "hello"}                                   -> versions
  {"cmd": "load", "kind": "logistic", "dir": D, "n": n, "d": d, "lr": lr}
  {"cmd": "load", "kind": "sensing", "dir": D, "n": n, "m": m, "lr": lr}
  {"cmd": "run", "k": k}                             -> {"seconds": s}, timed here
  {"cmd": "params"}                                  -> {"params": [...]}
Data come as little-endian float64 files in D (x.bin, y.bin; a.bin, y.bin, u0.bin).

The loops are the straightforward vectorized code a NumPy user would write.
"""
import json
import platform
import sys
import time

import numpy as np

state = {}


def logistic_steps(k):
    X, y, w, lr, n = state["X"], state["y"], state["w"], state["lr"], state["n"]
    for _ in range(k):
        m = y * (X @ w)
        s = -y / (1.0 + np.exp(m))
        g = X.T @ s / n
        w -= lr * g


def sensing_steps(k):
    A, y, U, lr, n, m = state["A"], state["y"], state["U"], state["lr"], state["n"], state["m"]
    for _ in range(k):
        X = U @ U.T
        r = A @ X.ravel() - y
        G = (A.T @ r).reshape(n, n)
        U -= lr * (2.0 / m) * (G @ U)


def handle(cmd):
    c = cmd["cmd"]
    if c == "hello":
        return {"python": platform.python_version(), "numpy": np.__version__}
    if c == "load":
        state.clear()
        d = cmd["dir"]
        state["lr"] = cmd["lr"]
        if cmd["kind"] == "logistic":
            n, dd = cmd["n"], cmd["d"]
            state.update(
                kind="logistic",
                n=n,
                X=np.fromfile(d + "/x.bin", dtype="<f8").reshape(n, dd),
                y=np.fromfile(d + "/y.bin", dtype="<f8"),
                w=np.zeros(dd),
            )
        else:
            n, m = cmd["n"], cmd["m"]
            state.update(
                kind="sensing",
                n=n,
                m=m,
                A=np.fromfile(d + "/a.bin", dtype="<f8").reshape(m, n * n),
                y=np.fromfile(d + "/y.bin", dtype="<f8"),
                U=np.fromfile(d + "/u0.bin", dtype="<f8").reshape(n, n).copy(),
            )
        return {"ok": True}
    if c == "run":
        steps = logistic_steps if state["kind"] == "logistic" else sensing_steps
        t0 = time.perf_counter()
        steps(cmd["k"])
        return {"seconds": time.perf_counter() - t0}
    if c == "params":
        p = state["w"] if state["kind"] == "logistic" else state["U"].ravel()
        return {"params": p.tolist()}
    raise ValueError("unknown command " + c)


def main():
    for line in sys.stdin:
        try:
            out = handle(json.loads(line))
        except Exception as e:  # answer, do not die: the client reports it
            out = {"error": repr(e)}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
