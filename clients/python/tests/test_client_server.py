"""The Python client against a real biasflow server on loopback (started with deno)."""

from __future__ import annotations

import json
import math
import os
import random
import subprocess
import sys
import threading
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import biasflow  # noqa: E402  (installed, or found on PYTHONPATH)
from _server import REPO, Server, pipeline_metrics  # noqa: E402


def separable_points(n: int = 20, seed: int = 1) -> tuple[list[list[float]], list[int]]:
    rng = random.Random(seed)
    x, y = [], []
    while len(x) < n:
        p = [rng.uniform(-2, 2), rng.uniform(-2, 2)]
        s = p[0] + 0.5 * p[1]
        if abs(s) > 0.3:
            x.append(p)
            y.append(1 if s > 0 else -1)
    return x, y


def gd_logistic(x: list[list[float]], y: list[int], lr: float, steps: int, on_step) -> list[float]:
    """Plain-Python GD on L(w) = Σ log(1 + exp(-y⟨w, x⟩)), calling on_step(step, w, loss) after each step."""
    w = [0.0, 0.0]
    for step in range(steps + 1):
        g0 = g1 = loss = 0.0
        for (a, b), label in zip(x, y):
            m = label * (w[0] * a + w[1] * b)
            loss += math.log1p(math.exp(-m)) if m > -30 else -m
            s = -label / (1.0 + math.exp(m)) if m < 700 else 0.0
            g0 += s * a
            g1 += s * b
        on_step(step, w, loss)
        w = [w[0] - lr * g0, w[1] - lr * g1]
    return w


def log_schedule(steps: int, per_decade: int) -> list[int]:
    """biasflow's logSchedule (src/streams/log_schedule.ts), written again independently."""
    out, k = [0], 0
    while True:
        t = round(10 ** (k / per_decade))
        if t >= steps:
            break
        if t > out[-1]:
            out.append(t)
        k += 1
    return out + [steps]


class ClientAgainstServer(unittest.TestCase):
    server: Server

    @classmethod
    def setUpClass(cls) -> None:
        cls.server = Server().start()

    @classmethod
    def tearDownClass(cls) -> None:
        cls.server.stop()

    def test_gd_loop_of_10k_steps_gets_the_pipeline_metrics(self) -> None:
        x, y = separable_points()
        steps = 10_000
        spec = {"problem": {"kind": "linear-classification", "data": {"kind": "points", "x": x, "y": y}},
                "optimizer": {"kind": "gd", "lr": 0.05}, "steps": steps}
        logged: dict[int, list[float]] = {}
        calls = []
        with biasflow.start(spec, url=self.server.url, name="py-gd", config={"lr": 0.05}, every_s=0) as run:
            def on_step(step, w, loss):
                t = time.perf_counter()
                run.log(step, params=w, metrics={"loss_mine": loss})
                calls.append(time.perf_counter() - t)
                logged[step] = list(w)
            gd_logistic(x, y, 0.05, steps, on_step)
        self.assertEqual(run.problems, [])
        summary = self.server.get(f"/api/runs/{run.id}")
        self.assertEqual(summary["status"], "done")  # as soon as finish returns
        self.assertEqual(summary["external"], {"config": {"lr": 0.05}})
        events = self.server.events(run.id)
        steps_stored = [e["step"] for e in events]
        # Thinned as an internal run: the log schedule, last step included.
        self.assertEqual(steps_stored, log_schedule(steps, 20))
        self.assertLess(len(events), 120)

        # Equal to what biasflow's own pipeline computes for the same predictors.
        ours = pipeline_metrics(spec, [logged[s] for s in steps_stored])
        for e, want in zip(events, ours):
            self.assertEqual(e["predictor"]["data"], logged[e["step"]])
            for name in ("angle_gap", "margin", "cos_ref", "loss", "margin_gap"):
                self.assertEqual(e["metrics"][name], want[name], f"{name} at step {e['step']}")
            self.assertAlmostEqual(e["metrics"]["loss_mine"], e["metrics"]["loss"], delta=1e-9 * (1 + e["metrics"]["loss"]))

        # And to an independent computation from the reference the server solved once.
        ref = summary["reference"]["data"]
        nr = math.hypot(*ref)
        for e in events[1:]:
            w = logged[e["step"]]
            nw = math.hypot(*w)
            margin = min(label * (w[0] * a + w[1] * b) for (a, b), label in zip(x, y)) / nw
            cos = (w[0] * ref[0] + w[1] * ref[1]) / (nw * nr)
            gap = 0.5 * ((w[0] / nw - ref[0] / nr) ** 2 + (w[1] / nw - ref[1] / nr) ** 2)
            self.assertAlmostEqual(e["metrics"]["margin"], margin, delta=1e-12)
            self.assertAlmostEqual(e["metrics"]["cos_ref"], cos, delta=1e-12)
            self.assertAlmostEqual(e["metrics"]["angle_gap"], gap, delta=1e-12 + 1e-9 * gap)
        self.assertLess(events[-1]["metrics"]["angle_gap"], events[1]["metrics"]["angle_gap"])
        print(f"\n  log(): mean {1e6 * sum(calls) / len(calls):.2f} µs, max {1e3 * max(calls):.2f} ms over "
              f"{len(calls)} calls ({len(events)} kept)", file=sys.stderr)

    def test_bad_records_get_400_naming_the_field_and_the_run_goes_on(self) -> None:
        spec = {"problem": {"kind": "linear-classification", "data": {"kind": "dataset", "name": "soudry-fig1"}}}
        problems: list[str] = []
        run = biasflow.start(spec, url=self.server.url, per_decade=None, on_problem=problems.append)
        run.log(1, params=[1.0, 1.0])
        run.log(2, params=[1.0, float("nan")])  # sent as null: the server names the field
        time.sleep(0.5)
        run.log(3, params=[2.0, 2.1])
        self.assertTrue(run.finish())
        self.assertEqual(run.rejected, 1)
        self.assertTrue(any("step 2" in p and "].params[1]: Expected a finite number" in p for p in problems), problems)
        self.assertEqual([e["step"] for e in self.server.events(run.id)], [1, 3])

        cases = [
            ({"records": [{"step": 9, "predictor": {"shape": [3], "data": [1, 2, 3]}}]}, "records[0].predictor.shape"),
            ({"records": [{"step": 9, "params": [1, 2]}, {"step": 8, "params": [1, 2]}]}, "records[1].step"),
            ({"records": [{"step": 9, "params": [1, None]}]}, "records[0].params[1]"),
        ]
        other = biasflow.start(spec, url=self.server.url, per_decade=None)
        other.log(5, params=[1.0, 2.0])
        time.sleep(0.5)
        for body, path in cases:
            status, answer = self.server.post(f"/api/runs/{other.id}/records", json.dumps(body).encode())
            self.assertEqual(status, 400, answer)
            self.assertEqual(answer["issues"][0]["path"], path, answer)
            self.assertIn(path, answer["error"])
        status, answer = self.server.post(f"/api/runs/{other.id}/records",
                                          b'{"records": [{"step": 9, "params": [1, NaN]}]}')
        self.assertEqual(status, 400, answer)
        other.log(6, params=[1.0, 2.5])
        self.assertTrue(other.finish())
        self.assertEqual([e["step"] for e in self.server.events(other.id)], [5, 6])
        self.assertEqual(self.server.get(f"/api/runs/{other.id}")["status"], "done")

    def test_a_slow_loop_gets_each_record_sent_within_the_flush_period(self) -> None:
        spec = {"problem": {"kind": "linear-classification", "data": {"kind": "dataset", "name": "soudry-fig1"}}}
        run = biasflow.start(spec, url=self.server.url, per_decade=None, flush_s=0.1)
        for step in range(3):
            run.log(step, params=[1.0, 1.0 + step])
            deadline = time.monotonic() + 5
            while len(self.server.events(run.id)) < step + 1 and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertEqual(len(self.server.events(run.id)), step + 1, "sent without waiting for a full batch")
        self.assertTrue(run.finish())

    def test_a_refused_spec_raises_naming_the_field(self) -> None:
        with self.assertRaises(biasflow.BiasflowError) as cm:
            biasflow.start({"problem": {"kind": "linear-classification", "data": {"kind": "points", "x": [[1]], "y": [0]}}},
                           url=self.server.url)
        self.assertEqual(cm.exception.status, 400)
        self.assertIn("problem.data.y[0]", str(cm.exception))

    def test_leaving_the_with_block_on_an_exception_marks_the_run_failed(self) -> None:
        spec = {"problem": {"kind": "linear-classification", "data": {"kind": "dataset", "name": "soudry-fig1"}}}
        with self.assertRaises(ZeroDivisionError):
            with biasflow.start(spec, url=self.server.url) as run:
                run.log(0, params=[0.0, 0.0])
                run.log(1, params=[0.1, 0.1])
                1 / 0
        summary = self.server.get(f"/api/runs/{run.id}")
        self.assertEqual(summary["status"], "failed")
        self.assertIn("ZeroDivisionError", summary["message"])

    def test_the_stdlib_example_runs(self) -> None:
        env = {**os.environ, "BIASFLOW_URL": self.server.url, "PYTHONPATH": str(REPO / "clients" / "python")}
        out = subprocess.run([sys.executable, "examples/python_logistic.py", "--steps", "3000"], cwd=REPO, env=env,
                             capture_output=True, text=True, timeout=120)
        self.assertEqual(out.returncode, 0, out.stderr)
        run_id = out.stdout.strip().splitlines()[-1].split()[-1]
        summary = self.server.get(f"/api/runs/{run_id}")
        self.assertEqual(summary["status"], "done")
        self.assertGreater(summary["metrics"]["cos_ref"], 0.99)


class TokenFromTheEnvironment(unittest.TestCase):
    def test_biasflow_url_and_token_come_from_the_environment(self) -> None:
        server = Server(token="s3cret-token").start()
        saved = {k: os.environ.get(k) for k in ("BIASFLOW_URL", "BIASFLOW_TOKEN")}
        try:
            os.environ["BIASFLOW_URL"] = server.url
            spec = {"problem": {"kind": "linear-classification", "data": {"kind": "dataset", "name": "soudry-fig1"}}}
            os.environ["BIASFLOW_TOKEN"] = "wrong"
            with self.assertRaises(biasflow.BiasflowError) as cm:
                biasflow.start(spec)
            self.assertEqual(cm.exception.status, 401)
            os.environ["BIASFLOW_TOKEN"] = "s3cret-token"
            with biasflow.start(spec, per_decade=None) as run:
                run.log(0, params=[0.5, 0.5])
                run.log(1, params=[1.0, 1.0])
            self.assertEqual(run.problems, [])
            status, answer = server.post(f"/api/runs/{run.id}/finish", b'{"status": "done"}')
            self.assertEqual(status, 401, answer)  # the run's endpoints need the token too
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
            server.stop()


class ServerKilledMidRun(unittest.TestCase):
    def test_records_all_arrive_none_twice_after_a_kill_and_restart(self) -> None:
        server = Server().start()
        try:
            spec = {"problem": {"kind": "linear-classification", "data": {"kind": "dataset", "name": "soudry-fig1"}}}
            run = biasflow.start(spec, url=server.url, per_decade=None, batch_size=16, flush_s=0.05,
                                 max_backoff=0.5, on_problem=lambda m: None)
            slowest = 0.0
            for step in range(600):
                if step == 200:
                    server.kill()  # mid-run, batches in flight
                if step == 400:
                    server.start()
                t = time.perf_counter()
                run.log(step, params=[0.01 * step, 0.011 * step + 1e-3])
                slowest = max(slowest, time.perf_counter() - t)
                time.sleep(0.004)
            self.assertTrue(run.finish(timeout=60))
            steps = [e["step"] for e in server.events(run.id)]
            self.assertEqual(steps, list(range(600)))  # all arrived, none twice
            self.assertEqual((run.dropped, run.rejected), (0, 0))
            self.assertGreater(run.retries, 0)
            self.assertEqual(server.get(f"/api/runs/{run.id}")["status"], "done")
            self.assertLess(slowest, 0.05)  # log() never waited for the network
            print(f"\n  kill/restart: {run.retries} retries, {run.ignored} re-sent records ignored, slowest log() "
                  f"{1e3 * slowest:.2f} ms", file=sys.stderr)
        finally:
            server.stop()

    def test_log_never_blocks_while_the_server_is_down_and_drops_are_reported(self) -> None:
        server = Server().start()
        try:
            spec = {"problem": {"kind": "linear-classification", "data": {"kind": "dataset", "name": "soudry-fig1"}}}
            problems: list[str] = []
            run = biasflow.start(spec, url=server.url, per_decade=None, max_buffer=100, on_problem=problems.append)
            server.kill()
            times = []
            for step in range(2000):
                t = time.perf_counter()
                run.log(step, params=[1.0, 1.0 + step])
                times.append(time.perf_counter() - t)
            self.assertLess(max(times), 0.05)
            t = time.perf_counter()
            self.assertFalse(run.finish(timeout=1.0))
            self.assertLess(time.perf_counter() - t, 5.0)
            self.assertEqual(run.dropped, 2000)  # 1900 for the full buffer, then the 100 unsent at finish
            self.assertEqual(run.dropped_steps, (100, 1999))
            self.assertTrue(any("buffer is full" in p for p in problems), problems)
            self.assertTrue(any("could not be sent" in p for p in problems), problems)
            print(f"\n  server down: log() mean {1e6 * sum(times) / len(times):.1f} µs, max {1e3 * max(times):.2f} ms",
                  file=sys.stderr)
        finally:
            server.stop()


class ThreadSafety(unittest.TestCase):
    def test_no_thread_is_left_behind(self) -> None:
        self.assertEqual([t.name for t in threading.enumerate() if t.name.startswith("biasflow ")], [])


if __name__ == "__main__":
    unittest.main()
