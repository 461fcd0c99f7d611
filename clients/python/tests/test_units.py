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
        with self.assertRaisesRegex(ValueError, "not both"):
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
