"""A real biasflow server on loopback for the client's tests: started, killed and restarted with `deno`."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`deno run -A src/cli/serve.ts` on 127.0.0.1 with its own runs directory."""

    def __init__(self, limits: dict[str, float] | None = None, token: str | None = None) -> None:
        self.deno = shutil.which("deno")
        if self.deno is None:
            raise RuntimeError("deno is not on PATH; the client's tests need a real biasflow server")
        self.runs = tempfile.mkdtemp(prefix="biasflow-py-")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.limits = limits or {}
        self.token = token
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> "Server":
        args = [self.deno, "run", "-A", "src/cli/serve.ts", "--port", str(self.port), "--runs", self.runs, "--no-viewer"]
        if self.token is not None:
            args += ["--token", self.token]
        for key, value in self.limits.items():
            args += ["--limit", f"{key}={value}"]
        env = {**os.environ, "NO_COLOR": "1", "DENO_NO_UPDATE_CHECK": "1"}
        env.pop("BIASFLOW_TOKEN", None)
        self.proc = subprocess.Popen(args, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline().decode()
            if not line:
                raise RuntimeError(f"the server exited with {self.proc.wait()} before serving")
            if "serving" in line:
                os.set_blocking(self.proc.stdout.fileno(), False)
                return self
        raise RuntimeError(f"the server did not start within {timeout} s")

    def kill(self) -> None:
        """SIGKILL: no chance to close anything, as in a crash."""
        if self.proc is not None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
            if self.proc.stdout is not None:
                self.proc.stdout.close()
            self.proc = None

    def stop(self) -> None:
        self.kill()
        shutil.rmtree(self.runs, ignore_errors=True)

    def get(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=10) as res:
            return json.loads(res.read().decode())

    def events(self, run_id: str) -> list[dict[str, Any]]:
        with urllib.request.urlopen(f"{self.url}/api/runs/{run_id}/export?format=ndjson", timeout=10) as res:
            return [json.loads(line) for line in res.read().decode().splitlines() if line.strip()]

    def post(self, path: str, body: bytes) -> tuple[int, Any]:
        req = urllib.request.Request(self.url + path, data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=10) as res:
                return res.status, json.loads(res.read().decode())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read().decode())


def pipeline_metrics(spec: dict[str, Any], predictors: list[list[float]]) -> list[dict[str, Any]]:
    """What biasflow's own analysis pipeline computes for these predictors (tests/server/_pipeline_metrics.ts)."""
    deno = shutil.which("deno")
    assert deno is not None
    out = subprocess.run(
        [deno, "run", "-A", "tests/server/_pipeline_metrics.ts"],
        cwd=REPO, input=json.dumps({"spec": spec, "predictors": predictors}).encode(),
        capture_output=True, check=True, timeout=120,
    )
    return json.loads(out.stdout.decode())
