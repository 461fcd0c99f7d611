"""`run.log(step, model=net)` against a real server: the server's network metrics for the user's own net.

Needs the `mlp` problem kind on the server (the `mlp` branch); skipped, saying so, on a server without it.
"""

from __future__ import annotations

import math
import random
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import biasflow  # noqa: E402
from _server import Server  # noqa: E402
from test_units import Linear, ReLU  # noqa: E402


def forward(net: list, x: list[float]) -> float:
    h = x
    for layer in net:
        if isinstance(layer, ReLU):
            h = [max(0.0, v) for v in h]
        else:
            h = [sum(w * v for w, v in zip(row, h)) + (layer.bias[i] if layer.bias else 0.0)
                 for i, row in enumerate(layer.weight)]
    return h[0]


class ModelAgainstServer(unittest.TestCase):
    def test_a_two_layer_relu_net_gets_train_error_loss_and_path_norm(self) -> None:
        server = Server().start()
        try:
            rng = random.Random(0)
            x = [[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(40)]
            y = [1 if a * b > 0 else -1 for a, b in x]
            problem = {"kind": "mlp", "widths": [4], "loss": "logistic", "bias": False, "reduction": "mean",
                       "data": {"kind": "points", "x": x, "y": y}}
            net = [Linear(2, 4, bias=False), ReLU(), Linear(4, 1, bias=False)]
            try:
                run = biasflow.start({"problem": problem}, url=server.url, per_decade=None)
            except biasflow.BiasflowError as e:
                if any(i.get("path") == "problem.kind" for i in e.issues):
                    self.skipTest("this server has no mlp problem kind yet (the mlp branch)")
                raise
            states = []
            for step in range(3):
                for layer in (net[0], net[2]):
                    layer.weight = [[rng.gauss(0, 1) for _ in row] for row in layer.weight]
                states.append([[list(r) for r in net[0].weight], [list(r) for r in net[2].weight]])
                run.log(step, model=net)
            self.assertTrue(run.finish())
            events = server.events(run.id)
            self.assertEqual([e["step"] for e in events], [0, 1, 2])
            for e, (w1, w2) in zip(events, states):
                net[0].weight, net[2].weight = w1, w2
                f = [forward(net, p) for p in x]
                error = sum(1 for v, label in zip(f, y) if v * label <= 0) / len(x)
                loss = sum(math.log1p(math.exp(-label * v)) for v, label in zip(f, y)) / len(x)
                paths = sum(w1[j][i] ** 2 * w2[0][j] ** 2 for j in range(4) for i in range(2))
                self.assertEqual(e["metrics"]["train_error"], error)
                self.assertAlmostEqual(e["metrics"]["loss"], loss, delta=1e-12)
                self.assertAlmostEqual(e["metrics"]["path_norm"], math.sqrt(paths), delta=1e-12)
                self.assertIn("margin_normalized", e["metrics"])
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
