"""Monitor your own training loop with biasflow — plain Python, no NumPy needed (CI runs this one).

Gradient descent on logistic regression over Soudry et al.'s Figure 1 data, written by hand, logged to a biasflow
server, which computes the margin, the cosine and the angle gap to the max-margin SVM live. Start a server first
(`deno task serve`), then:

    pip install ./clients/python
    python3 examples/python_logistic.py --steps 100000      # BIASFLOW_URL / BIASFLOW_TOKEN if not the default
"""

import argparse
import json
import math
import os
import urllib.request

import biasflow


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--lr", type=float, default=None, help="step size (default 1/σ_max(X), as in the paper)")
    args = parser.parse_args()

    spec = {"problem": {"kind": "linear-classification", "loss": "logistic", "reduction": "sum",
                        "data": {"kind": "dataset", "name": "soudry-fig1"}},
            "optimizer": {"kind": "gd"}, "steps": args.steps}
    with biasflow.start(spec, name="python-logistic", config={"lr": args.lr or "1/sigma_max"}) as run:
        x, y = fetch_points(run)  # the server's copy of the data: the same points it analyses against
        lr = args.lr or 1 / sigma_max(x)
        w = [0.0, 0.0]
        for step in range(args.steps + 1):
            g0 = g1 = loss = 0.0
            for (a, b), label in zip(x, y):
                m = label * (w[0] * a + w[1] * b)
                loss += math.log1p(math.exp(-m)) if m > -30 else -m
                s = -label / (1.0 + math.exp(m)) if m < 700 else 0.0
                g0 += s * a
                g1 += s * b
            run.log(step, params=w, metrics={"loss": loss})
            w = [w[0] - lr * g0, w[1] - lr * g1]
    print(f"view it at {run.view_url}")
    print(f"run {run.id}")


def fetch_points(run: biasflow.Run) -> tuple:
    req = urllib.request.Request(f"{run.url}/api/runs/{run.id}/data")
    token = os.environ.get("BIASFLOW_TOKEN")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=10) as res:
        data = json.load(res)
    return data["x"], data["y"]


def sigma_max(x: list) -> float:
    """Largest singular value of an n×2 matrix: the square root of XᵀX's larger eigenvalue."""
    a = sum(r[0] * r[0] for r in x)
    b = sum(r[0] * r[1] for r in x)
    c = sum(r[1] * r[1] for r in x)
    return math.sqrt((a + c) / 2 + math.sqrt(((a - c) / 2) ** 2 + b * b))


if __name__ == "__main__":
    main()
