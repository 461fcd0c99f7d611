"""Monitor a PyTorch training loop with biasflow: logistic regression on Soudry et al.'s Figure 1 data.

Your own model, loss and optimizer; biasflow receives the weights on its log schedule and computes the margin,
cosine and angle gap to the max-margin SVM live. Needs torch (e.g. Debian's python3-torch) and a server
(`deno task serve`):

    pip install ./clients/python
    python3 examples/pytorch_logistic.py --steps 100000
"""

import argparse
import json
import os
import urllib.request

import torch

import biasflow


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=100_000)
    args = parser.parse_args()

    spec = {"problem": {"kind": "linear-classification", "loss": "logistic", "reduction": "sum",
                        "data": {"kind": "dataset", "name": "soudry-fig1"}},
            "optimizer": {"kind": "gd"}, "steps": args.steps}
    with biasflow.start(spec, name="pytorch-logistic") as run:
        x, y = fetch_points(run)
        x = torch.tensor(x, dtype=torch.float64)
        y = torch.tensor(y, dtype=torch.float64)
        lr = 1 / torch.linalg.matrix_norm(x, ord=2).item()  # η = 1/σ_max(X), as in the paper
        model = torch.nn.Linear(2, 1, bias=False).double()
        torch.nn.init.zeros_(model.weight)
        opt = torch.optim.SGD(model.parameters(), lr=lr)
        for step in range(args.steps + 1):
            opt.zero_grad()
            loss = torch.nn.functional.softplus(-y * model(x).squeeze(1)).sum()  # Σ log(1 + e^{-y⟨w, x⟩})
            run.log(step, params=model.weight, metrics={"loss": loss})  # never waits for the network
            loss.backward()
            opt.step()
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


if __name__ == "__main__":
    main()
