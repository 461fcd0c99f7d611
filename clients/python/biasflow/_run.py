"""``biasflow.start`` and the ``Run`` it returns: logging that never blocks the training loop."""

from __future__ import annotations

import collections
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
from typing import Any, Callable, Mapping

from ._http import BiasflowError, post_json, request_json
from ._schedule import LogThinner
from ._model import check_model, flatten_linear
from ._tensor import to_flat

DEFAULT_URL = "http://127.0.0.1:8000"

# Answers after which a batch is given up (the server named what was wrong), and after which the run is.
_REJECTED = {400, 413, 422}
_FATAL = {401, 403, 404, 409}


def _warn(message: str) -> None:
    print(f"biasflow: {message}", file=sys.stderr, flush=True)


class Run:
    """An external run on a biasflow server (see :func:`start`).

    ``log`` only decides whether the step is kept and queues it; a background
    thread sends queued records in batches, retrying with backoff while the
    server cannot be reached. Counters: ``sent``, ``ignored`` (re-sent steps
    the server already had), ``dropped`` (buffer full), ``rejected`` (refused by
    the server, e.g. a NaN parameter); ``problems`` lists what went wrong.
    """

    def __init__(
        self,
        url: str,
        run_id: str,
        token: str | None = None,
        *,
        per_decade: int | None = 20,
        every_s: float = 1.0,
        max_buffer: int = 10_000,
        batch_size: int = 256,
        max_batch_bytes: int = 512 * 1024,
        timeout: float = 10.0,
        max_backoff: float = 30.0,
        flush_s: float = 0.2,
        on_problem: Callable[[str], None] = _warn,
        clock: Callable[[], float] = time.monotonic,
        problem: Mapping[str, Any] | None = None,
    ) -> None:
        self.url = url.rstrip("/")
        self.id = run_id
        self._token = token
        self._thinner = LogThinner(per_decade, every_s)
        self._max_buffer = max_buffer
        self._batch_size = batch_size
        self._max_batch_bytes = max_batch_bytes
        self._timeout = timeout
        self._max_backoff = max_backoff
        self._flush_s = flush_s
        self._on_problem = on_problem
        self._clock = clock
        self._t0 = clock()
        self._problem_spec = problem
        self._model: tuple[int, list[Any]] | None = None
        self._cond = threading.Condition()
        self._buffer: collections.deque[tuple[int, str]] = collections.deque()  # (step, record JSON)
        self._closing = False
        self._abandon = False
        self._fatal: str | None = None
        self._last_step = -1
        self._pending_last: tuple[int, float, Any, Any, Any] | None = None
        self._finished: str | None = None
        self.sent = 0
        self.ignored = 0
        self.dropped = 0
        self.dropped_steps: tuple[int, int] | None = None
        self.rejected = 0
        self.retries = 0
        self.problems: list[str] = []
        self._thread = threading.Thread(target=self._send_loop, name=f"biasflow {run_id}", daemon=True)
        self._thread.start()

    @property
    def view_url(self) -> str:
        """The run in the viewer."""
        return f"{self.url}/#/run/{urllib.parse.quote(self.id)}"

    @property
    def queued(self) -> int:
        """Records waiting to be sent."""
        with self._cond:
            return len(self._buffer)

    def log(
        self,
        step: int,
        params: Any = None,
        metrics: Mapping[str, Any] | None = None,
        *,
        predictor: Any = None,
        model: Any = None,
        wall: float | None = None,
    ) -> bool:
        """Logs one step of your loop; returns whether it was kept (queued to send).

        ``params`` are the problem's flat parameters (for a linear model, the
        weight vector), or pass ``predictor`` (shaped like the problem's)
        instead; either may be a list, a NumPy array or a PyTorch tensor.
        For an ``mlp`` problem, ``model`` may be a PyTorch ``nn.Sequential`` of
        ``Linear`` and ``ReLU`` layers, flattened into biasflow's layout.
        ``metrics`` maps names to numbers (or 0-d tensors). Steps must
        increase. Never touches the network: thinning by the log schedule
        happens here, sending in a background thread.
        """
        if not isinstance(step, int) or isinstance(step, bool) or step < 0:
            raise ValueError(f"step must be a non-negative integer (saw {step!r})")
        if step <= self._last_step:
            raise ValueError(f"steps must increase: step {step} was logged after step {self._last_step}")
        if sum(x is not None for x in (params, predictor, model)) > 1:
            raise ValueError("pass one of params, predictor or model, not several")
        if model is not None:
            if self._model is None or self._model[0] != id(model):
                self._model = (id(model), check_model(model, self._problem_spec))
            params = _Flattened(self._model[1])
        if self._finished is not None:
            raise RuntimeError(f"run {self.id} is finished ({self._finished}); start a new run to log more")
        self._last_step = step
        now = self._clock()
        trigger = self._thinner.keep(step, now)
        if wall is None:
            wall = now - self._t0
        if trigger is None:
            # Not kept now; remembered (not copied) so that finish can send the last step.
            self._pending_last = (step, wall, params, metrics, predictor)
            return False
        self._pending_last = None
        self._enqueue(step, self._record(step, wall, params, metrics, predictor, trigger))
        return True

    def _record(self, step: int, wall: float, params: Any, metrics: Any, predictor: Any, trigger: str) -> str:
        record: dict[str, Any] = {"step": step, "wall": round(max(wall, 0.0), 6), "trigger": trigger}
        if metrics:
            out = {}
            for name, value in metrics.items():
                _, flat = to_flat(value, f"metrics[{name!r}]")
                if len(flat) != 1:
                    raise ValueError(f"metrics[{name!r}] must be a single number (saw {len(flat)} values)")
                out[str(name)] = flat[0]
            record["metrics"] = out
        if isinstance(params, _Flattened):
            record["params"] = flatten_linear(params.linear)
        elif params is not None:
            record["params"] = to_flat(params, "params")[1]
        if predictor is not None:
            shape, data = to_flat(predictor, "predictor")
            record["predictor"] = {"shape": shape, "data": data}
        return json.dumps(record, allow_nan=False, separators=(",", ":"))

    def _enqueue(self, step: int, text: str) -> None:
        with self._cond:
            if self._fatal is not None:
                return
            if len(self._buffer) >= self._max_buffer:
                self.dropped += 1
                first = self.dropped_steps[0] if self.dropped_steps else step
                self.dropped_steps = (first, step)
                if self.dropped == 1:
                    self._problem(
                        f"the send buffer is full ({self._max_buffer} records; the server at {self.url} "
                        f"is unreachable or slow): dropping new records from step {step} on"
                    )
                return
            self._buffer.append((step, text))
            if len(self._buffer) == 1 or len(self._buffer) >= self._batch_size:
                self._cond.notify()  # the sender sleeps while the buffer is empty

    def _problem(self, message: str) -> None:
        if len(self.problems) < 100:
            self.problems.append(message)
        try:
            self._on_problem(message)
        except Exception:  # a reporting callback must not break the sender
            pass

    # The background thread -------------------------------------------------------------------

    def _take_batch(self) -> list[tuple[int, str]]:
        batch: list[tuple[int, str]] = []
        size = 0
        for item in self._buffer:
            if batch and (len(batch) >= self._batch_size or size + len(item[1]) > self._max_batch_bytes):
                break
            batch.append(item)
            size += len(item[1]) + 1
        return batch

    def _send_loop(self) -> None:
        backoff = 0.0
        while True:
            with self._cond:
                while not self._closing and len(self._buffer) < self._batch_size:
                    if self._buffer and not self._cond.wait(self._flush_s):
                        break  # flush what is there every flush_s
                    if not self._buffer:
                        self._cond.wait()
                if self._abandon or self._fatal is not None or (self._closing and not self._buffer):
                    return
                batch = self._take_batch()
            if not batch:
                continue
            body = '{"records":[' + ",".join(text for _, text in batch) + "]}"
            try:
                url = f"{self.url}/api/runs/{urllib.parse.quote(self.id)}/records"
                answer = request_json("POST", url, body.encode(), self._token, self._timeout)
            except BiasflowError as e:
                if e.status in _REJECTED:
                    # The server stored none of the batch; drop the record it named (or all) and send the rest again.
                    bad = _bad_index(e, len(batch))
                    gone = batch if bad is None else [batch[bad]]
                    self._remove(gone)
                    self.rejected += len(gone)
                    self._problem(f"the server rejected step {gone[0][0]}" +
                                  (f" and {len(gone) - 1} more" if len(gone) > 1 else "") + f": {e}")
                    continue
                if e.status in _FATAL:
                    with self._cond:
                        self._fatal = f"{e} (HTTP {e.status})"
                        self.dropped += len(self._buffer)
                        self._buffer.clear()
                        self._cond.notify_all()
                    self._problem(f"giving up on run {self.id}: {e}")
                    return
                backoff = self._wait_retry(backoff, f"HTTP {e.status}: {e}")
                continue
            except OSError as e:  # unreachable, refused, reset, timed out
                backoff = self._wait_retry(backoff, str(getattr(e, "reason", e)))
                continue
            backoff = 0.0
            self._done_with(batch)
            self.sent += int(answer.get("accepted", 0))
            self.ignored += int(answer.get("ignored", 0))

    def _done_with(self, batch: list[tuple[int, str]]) -> None:
        with self._cond:
            for _ in batch:
                self._buffer.popleft()
            self._cond.notify_all()

    def _remove(self, items: list[tuple[int, str]]) -> None:
        with self._cond:
            for item in items:
                self._buffer.remove(item)
            self._cond.notify_all()

    def _wait_retry(self, backoff: float, why: str) -> float:
        backoff = min(self._max_backoff, max(0.25, backoff * 2))
        self.retries += 1
        if self.retries == 1 or self.retries % 20 == 0:
            self._problem(f"cannot send to {self.url} ({why}); retrying every ≤{backoff:g} s, nothing is lost")
        with self._cond:
            if not self._abandon:
                self._cond.wait(backoff * (0.5 + random.random() / 2))
        return backoff

    # Ending -----------------------------------------------------------------------------------

    def finish(self, status: str = "done", message: str | None = None, timeout: float | None = 60.0) -> bool:
        """Sends the last logged step, flushes every queued record, then marks the run ``status``.

        Waits at most ``timeout`` seconds (None: as long as it takes) for the
        server; returns True when the run reads ``status`` on the server. What
        could not be sent is counted in ``dropped`` and reported.
        """
        if status not in ("done", "failed", "stopped"):
            raise ValueError(f'status must be "done", "failed" or "stopped" (saw {status!r})')
        if self._finished is not None:
            return True
        deadline = None if timeout is None else time.monotonic() + timeout
        last = self._pending_last
        if last is not None:
            self._pending_last = None
            step, wall, params, metrics, predictor = last
            try:
                self._enqueue(step, self._record(step, wall, params, metrics, predictor, "end"))
            except (TypeError, ValueError) as e:
                self._problem(f"could not send the last step {step}: {e}")
        with self._cond:
            self._closing = True
            self._cond.notify_all()
            while self._buffer and self._fatal is None:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    break
                self._cond.wait(left if left is None else min(left, 1.0))
            unsent = len(self._buffer)
            if unsent:
                self._abandon = True
                self.dropped += unsent
                self._buffer.clear()
                self._cond.notify_all()
        if unsent:
            self._problem(f"{unsent} records could not be sent within {timeout} s; they are lost")
        self._thread.join(timeout=1.0)
        if self._fatal is not None:
            self._finished = status
            return False
        body: dict[str, Any] = {"status": status}
        if message is not None:
            body["message"] = str(message)[:2000]
        backoff = 0.0
        while True:
            try:
                post_json(f"{self.url}/api/runs/{urllib.parse.quote(self.id)}/finish", body, self._token,
                          self._timeout)
                self._finished = status
                return True
            except BiasflowError as e:
                if e.status in _REJECTED or e.status in _FATAL:
                    self._problem(f"could not mark run {self.id} {status}: {e}")
                    self._finished = status
                    return False
                why = f"HTTP {e.status}: {e}"
            except OSError as e:
                why = str(getattr(e, "reason", e))
            backoff = min(self._max_backoff, max(0.25, backoff * 2))
            if deadline is not None and time.monotonic() + backoff > deadline:
                self._problem(f"could not mark run {self.id} {status} within {timeout} s ({why})")
                self._finished = status
                return False
            time.sleep(backoff)

    def __enter__(self) -> "Run":
        return self

    def __exit__(self, kind: Any, error: Any, tb: Any) -> None:
        if kind is None:
            self.finish("done")
        elif issubclass(kind, KeyboardInterrupt):
            self.finish("stopped", "Interrupted (KeyboardInterrupt)")
        else:
            self.finish("failed", f"{kind.__name__}: {error}")


class _Flattened:
    """A checked model's Linear layers, flattened only if the step is kept."""

    def __init__(self, linear: list[Any]) -> None:
        self.linear = linear


def _bad_index(error: BiasflowError, size: int) -> int | None:
    """The index of the record a 400 names (`records[3].params[1]` → 3), if it names one."""
    for issue in error.issues:
        m = re.match(r"records\[(\d+)\]", str(issue.get("path", "")))
        if m and int(m.group(1)) < size:
            return int(m.group(1))
    return None


def start(
    spec: Mapping[str, Any] | str | os.PathLike[str],
    url: str | None = None,
    name: str | None = None,
    config: Mapping[str, Any] | None = None,
    token: str | None = None,
    **options: Any,
) -> Run:
    """Starts an external run on a biasflow server and returns it (a context manager).

    ``spec`` is a run spec (a dict, or the path of a JSON file) whose
    ``problem`` (data inline) is what biasflow analyses against; ``optimizer``
    and ``steps`` describe your run and are optional. ``url`` defaults to
    ``BIASFLOW_URL``, then http://127.0.0.1:8000; ``token`` to
    ``BIASFLOW_TOKEN``. ``options`` go to :class:`Run` (``per_decade``,
    ``every_s``, ``max_buffer``, ...). Raises BiasflowError when the server
    refuses the spec (naming the field) and OSError when it cannot be reached.
    """
    if isinstance(spec, (str, os.PathLike)):
        with open(spec, encoding="utf-8") as f:
            spec = json.load(f)
    url = (url or os.environ.get("BIASFLOW_URL") or DEFAULT_URL).rstrip("/")
    token = token if token is not None else os.environ.get("BIASFLOW_TOKEN") or None
    body: dict[str, Any] = {"external": True, "spec": dict(spec)}
    if name is not None:
        body["name"] = name
    if config is not None:
        body["config"] = dict(config)
    timeout = float(options.get("timeout", 10.0))
    try:
        answer = post_json(f"{url}/api/runs", body, token, timeout)
    except OSError as e:
        raise ConnectionError(f"cannot reach the biasflow server at {url}: {getattr(e, 'reason', e)}") from e
    problem = spec.get("problem") if isinstance(spec.get("problem"), Mapping) else None
    return Run(url, answer["id"], token, problem=problem, **options)
