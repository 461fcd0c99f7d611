"""Time `run.log` per call: thinned-out steps, kept steps of several sizes, with the server up and down.

    python3 clients/python/bench/log_overhead.py --url http://127.0.0.1:8000
"""

import argparse
import sys
import time

import biasflow

try:
    import numpy
except ImportError:
    numpy = None


def time_calls(run: biasflow.Run, n: int, make) -> float:
    t = time.perf_counter()
    for step in range(n):
        run.log(step, params=make(step))
    return (time.perf_counter() - t) / n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=None)
    args = parser.parse_args()
    rows = []
    for d in (2, 1000, 10_000):
        spec = {"problem": {"kind": "linear-classification",
                            "data": {"kind": "separable", "n": 10, "d": d, "seed": 0}}}
        for per_decade, label in ((20, "log schedule (20/decade)"), (None, "every step kept")):
            n = 100_000 if per_decade else (2000 if d > 2 else 20_000)
            kinds = [("list", [0.5] * d)] + ([("numpy", numpy.full(d, 0.5))] if numpy is not None else [])
            for kind, w in kinds:
                run = biasflow.start(spec, url=args.url, per_decade=per_decade, every_s=0, max_buffer=100_000,
                                     on_problem=lambda m: None)
                rows.append((d, kind, label, time_calls(run, n, lambda s: w), n))
                run.finish(timeout=120)
    print(f"python {sys.version.split()[0]}, numpy {numpy.__version__ if numpy else 'absent'}")
    print(f"{'d':>6}  {'params':6}  {'thinning':26} {'µs per log()':>12}  calls")
    for d, kind, label, per_call, n in rows:
        print(f"{d:>6}  {kind:6}  {label:26} {per_call * 1e6:12.2f}  {n}")


if __name__ == "__main__":
    main()
