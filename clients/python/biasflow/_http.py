"""JSON over HTTP with the standard library."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any


class BiasflowError(Exception):
    """The server refused a request: ``status`` is the HTTP status, ``issues`` the fields it named."""

    def __init__(self, status: int, message: str, issues: list[dict[str, Any]] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.issues = issues or []


def post_json(url: str, body: Any, token: str | None, timeout: float) -> Any:
    """POSTs ``body`` as JSON and returns the decoded answer.

    Raises BiasflowError for an HTTP error answer (with the server's message),
    and OSError (URLError, ConnectionError, TimeoutError) when the server
    cannot be reached.
    """
    data = json.dumps(body, allow_nan=False, separators=(",", ":"), default=str).encode()
    return request_json("POST", url, data, token, timeout)


def request_json(method: str, url: str, data: bytes | None, token: str | None, timeout: float) -> Any:
    """One request; the answer decoded as JSON."""
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            text = res.read().decode()
    except urllib.error.HTTPError as e:
        raw = e.read().decode(errors="replace")
        try:
            err = json.loads(raw)
            raise BiasflowError(e.code, str(err.get("error", raw)), err.get("issues")) from None
        except (ValueError, AttributeError):
            raise BiasflowError(e.code, f"HTTP {e.code}: {raw[:200]}") from None
    return json.loads(text) if text else None
