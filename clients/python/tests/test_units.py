"""The client's pieces without a server: the log schedule, tensor conversion, the send buffer."""

from __future__ import annotations

import json
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import biasflow  # noqa: E402
from biasflow import LogThinner, to_flat  # noqa: E402
from test_client_server import log_schedule  # noqa: E402

try:
    import numpy
except ImportError:  # CI: Debian's python3, standard library only
    numpy = None
try:
    import torch
except ImportError:
    torch = None


class Thinning(unittest.TestCase):
    def test_keeps_the_internal_runs_log_schedule(self) -> None:
        for per_decade in (1, 5, 20, 50):
            t = LogThinner(per_decade, every_s=0)
            kept = [s for s in range(20_000) if t.keep(s, 0.0)]
            self.assertEqual(kept, log_schedule(20_000, per_decade)[:-1], per_decade)
        t = LogThinner(20, every_s=0)
        self.assertLess(len([s for s in range(20_000) if t.keep(s, 0.0)]), 100)  # a hundred, not 20,000

    def test_a_loop_logging_every_7th_step_keeps_the_first_step_past_each_point(self) -> None:
        t = LogThinner(1, every_s=0)
        self.assertEqual([s for s in range(0, 2000, 7) if t.keep(s, 0.0)], [0, 7, 14, 105, 1001])

    def test_heartbeat_every_s_seconds_between_schedule_points(self) -> None:
        t = LogThinner(1, every_s=1.0)
        got = [(s, t.keep(s, 0.3 * s)) for s in range(2, 20)]
        self.assertEqual([(s, k) for s, k in got if k], [(2, "schedule"), (6, "heartbeat"), (10, "schedule"),
                                                         (14, "heartbeat"), (18, "heartbeat")])

    def test_bad_settings_raise(self) -> None:
        with self.assertRaises(ValueError):
            LogThinner(0)
        with self.assertRaises(ValueError):
            LogThinner(20, every_s=-1)


class Tensors(unittest.TestCase):
    def test_lists_numbers_and_non_finite(self) -> None:
        self.assertEqual(to_flat([[1, 2], [3, 4.5]]), ([2, 2], [1.0, 2.0, 3.0, 4.5]))
        self.assertEqual(to_flat((1, float("inf"), float("nan"))), ([3], [1.0, None, None]))
        self.assertEqual(to_flat(2), ([], [2.0]))
        with self.assertRaisesRegex(ValueError, "ragged"):
            to_flat([[1, 2], [3]])
        with self.assertRaisesRegex(TypeError, "numbers"):
            to_flat(["a"])

    def test_tensor_like_objects_are_detached_and_moved_to_the_cpu_first(self) -> None:
        calls = []

        class FakeTensor:  # what to_flat needs of a torch.Tensor, without torch
            def __init__(self, rows, device="cuda:0"):
                self.rows, self.device, self.shape = rows, device, (len(rows), len(rows[0]))

            def detach(self):
                calls.append("detach")
                return FakeTensor(self.rows, self.device)

            def cpu(self):
                calls.append("cpu")
                return FakeTensor(self.rows, "cpu")

            def reshape(self, *shape):
                assert self.device == "cpu", "read on the CPU"
                flat = [v for row in self.rows for v in row]
                return type("Flat", (), {"tolist": lambda _self: flat})()

            def tolist(self):
                return self.rows

        self.assertEqual(to_flat(FakeTensor([[1.0, 2.0], [3.0, float("inf")]])), ([2, 2], [1.0, 2.0, 3.0, None]))
        self.assertEqual(calls, ["detach", "cpu"])

    @unittest.skipIf(numpy is None, "NumPy is not importable")
    def test_numpy_arrays(self) -> None:
        a = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
        self.assertEqual(to_flat(a), ([2, 3], [0.0, 1.0, 2.0, 3.0, 4.0, 5.0]))
        self.assertEqual(to_flat(numpy.float64(1.5)), ([], [1.5]))

    @unittest.skipIf(torch is None, "PyTorch is not importable")
    def test_torch_tensors(self) -> None:
        w = torch.tensor([[1.0, float("nan")]], requires_grad=True)
        self.assertEqual(to_flat(w), ([1, 2], [1.0, None]))
        self.assertEqual(to_flat(torch.tensor(3.0)), ([], [3.0]))


class Logging(unittest.TestCase):
    def run_without_server(self, **options) -> biasflow.Run:
        # Port 9 (discard) on loopback: nothing listens; the sender just retries.
        return biasflow.Run("http://127.0.0.1:9", "offline", per_decade=None, on_problem=lambda m: None, **options)

    def test_log_checks_its_arguments_at_once(self) -> None:
        run = self.run_without_server()
        run.log(3, params=[1.0])
        with self.assertRaisesRegex(ValueError, "increase"):
            run.log(3, params=[1.0])
        with self.assertRaisesRegex(ValueError, "non-negative"):
            run.log(-1)
        with self.assertRaisesRegex(ValueError, "not several"):
            run.log(5, params=[1.0], predictor=[1.0])
        with self.assertRaisesRegex(ValueError, "single number"):
            run.log(6, metrics={"loss": [1, 2]})
        self.assertFalse(run.finish(timeout=0.2))

    def test_records_are_json_with_what_the_server_expects(self) -> None:
        run = self.run_without_server(max_buffer=10)
        run.log(0, params=[1, 2], metrics={"loss": float("nan"), "acc": 0.5}, wall=1.25)
        run.log(1, predictor=[[1, 2]])
        with run._cond:
            records = [json.loads(text) for _, text in run._buffer]
        self.assertEqual(records[0], {"step": 0, "wall": 1.25, "trigger": "schedule",
                                      "metrics": {"loss": None, "acc": 0.5}, "params": [1.0, 2.0]})
        self.assertEqual(records[1]["predictor"], {"shape": [1, 2], "data": [1.0, 2.0]})
        run.finish(timeout=0.2)

    def test_the_last_step_is_sent_at_finish_even_when_the_schedule_skipped_it(self) -> None:
        run = biasflow.Run("http://127.0.0.1:9", "offline", per_decade=1, every_s=0, on_problem=lambda m: None)
        for s in range(57):
            run.log(s, params=[float(s)])
        with run._cond:
            self.assertEqual([s for s, _ in run._buffer], [0, 1, 10])
        run.finish(timeout=0.3)
        self.assertEqual(run.dropped, 4)  # 0, 1, 10 and the end record 56: unsent, counted, reported
        self.assertTrue(any("could not be sent" in p for p in run.problems))


if __name__ == "__main__":
    unittest.main()


class Linear:
    """Duck-typed stand-in for torch.nn.Linear (weight out × in, row-major; bias or None)."""

    def __init__(self, n_in: int, n_out: int, bias: bool = True, start: float = 0.0) -> None:
        self.in_features, self.out_features = n_in, n_out
        self.weight = [[start + i * n_in + j for j in range(n_in)] for i in range(n_out)]
        self.bias = [-(start + i) for i in range(n_out)] if bias else None


class ReLU:
    pass


class Dropout:
    pass


class Models(unittest.TestCase):
    def test_a_sequential_is_flattened_in_the_mlp_layout(self) -> None:
        from biasflow._model import check_model, flatten_linear

        net = [Linear(2, 3), ReLU(), Linear(3, 1, start=100)]
        linear = check_model(net, {"kind": "mlp", "widths": [3]})
        # W1 (3×2 row-major), b1, W2 (1×3), b2: mlpLayout(2, [3], 1, true) = W at 0, b at 6, W at 9, b at 12.
        self.assertEqual(flatten_linear(linear), [0, 1, 2, 3, 4, 5, -0.0, -1, -2, 100, 101, 102, -100])
        self.assertEqual(len(flatten_linear(check_model([Linear(2, 3, False), ReLU(), Linear(3, 1, False)],
                                                        {"kind": "mlp", "widths": [3], "bias": False}))), 9)

    def test_other_shapes_get_an_error_naming_the_layer(self) -> None:
        from biasflow._model import check_model

        mlp = {"kind": "mlp", "widths": [3]}
        cases = [
            ([Linear(2, 3), Dropout(), Linear(3, 1)], "layer 1 (Dropout) is not supported"),
            ([Linear(2, 3), ReLU(), Linear(4, 1)], "layer 2 (Linear) takes 4 inputs"),
            ([Linear(2, 3), Linear(3, 1)], "layer 1 (Linear) follows a Linear layer without a ReLU"),
            ([Linear(2, 4), ReLU(), Linear(4, 1)], "hidden widths are [4] but the spec's widths are [3]"),
            ([Linear(2, 3), ReLU(), Linear(3, 1, bias=False)], "layer 2 (Linear) has no bias"),
            ([Linear(2, 3), ReLU()], "layer 1 (ReLU) ends the model"),
        ]
        for net, message in cases:
            with self.assertRaises(ValueError) as cm:
                check_model(net, mlp)
            self.assertIn(message, str(cm.exception))
        with self.assertRaisesRegex(ValueError, "needs an mlp problem"):
            check_model([Linear(2, 1)], {"kind": "linear-classification"})
        with self.assertRaisesRegex(TypeError, "nn.Sequential"):
            check_model(object(), mlp)

    def test_log_model_sends_the_flat_parameters_of_kept_steps(self) -> None:
        run = biasflow.Run("http://127.0.0.1:9", "offline", per_decade=1, every_s=0, on_problem=lambda m: None,
                           problem={"kind": "mlp", "widths": [3]})
        net = [Linear(2, 3), ReLU(), Linear(3, 1)]
        for step in range(12):
            run.log(step, model=net)
        with run._cond:
            records = [json.loads(text) for _, text in run._buffer]
        self.assertEqual([r["step"] for r in records], [0, 1, 10])
        self.assertEqual(len(records[0]["params"]), 13)
        with self.assertRaisesRegex(ValueError, "layer 1 \\(Dropout\\)"):
            run.log(20, model=[Linear(2, 3), Dropout(), Linear(3, 1)])
        run.finish(timeout=0.2)
