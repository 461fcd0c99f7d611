"""Lists, NumPy arrays and PyTorch tensors as ``(shape, flat list)``, without importing NumPy or PyTorch."""

from __future__ import annotations

import math
from typing import Any


def to_flat(value: Any, what: str = "params") -> tuple[list[int], list[float | None]]:
    """The shape and the row-major entries of ``value`` (non-finite entries become None).

    Accepts a number, (nested) lists or tuples, and anything with ``shape`` and
    ``tolist`` (NumPy arrays; PyTorch tensors are detached and moved to the CPU
    first).

    >>> to_flat([[1, 2], [3, float("nan")]])
    ([2, 2], [1.0, 2.0, 3.0, None])
    """
    if hasattr(value, "detach") and callable(value.detach):
        value = value.detach()
    if hasattr(value, "cpu") and callable(value.cpu):
        value = value.cpu()
    if hasattr(value, "shape") and hasattr(value, "tolist"):
        shape = [int(n) for n in value.shape]
        return shape, _checked(value.reshape(-1).tolist(), what)
    if isinstance(value, (list, tuple)):
        try:
            flat = list(map(float, value))  # the common case: a flat list of numbers, at C speed
        except (TypeError, ValueError):
            pass
        else:
            return [len(flat)], _checked(flat, what)
        shape: list[int] = []
        flat_list: list[float | None] = []
        _walk(value, 0, shape, flat_list, what)
        return shape, flat_list
    return [], [_finite_or_none(value, what)]


def _checked(flat: list[Any], what: str) -> list[float | None]:
    try:
        if all(map(math.isfinite, flat)):
            return flat
    except TypeError:
        pass
    return [_finite_or_none(v, what) for v in flat]


def _walk(value: Any, depth: int, shape: list[int], out: list[float | None], what: str) -> None:
    if isinstance(value, (list, tuple)):
        if len(shape) == depth:
            shape.append(len(value))
        elif shape[depth] != len(value):
            raise ValueError(f"{what} is ragged: a list of {len(value)} where {shape[depth]} were expected")
        for v in value:
            _walk(v, depth + 1, shape, out, what)
        return
    if len(shape) != depth:
        raise ValueError(f"{what} is ragged: a number where a list was expected")
    out.append(_finite_or_none(value, what))


def _finite_or_none(v: Any, what: str) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        raise TypeError(f"{what} must hold numbers (saw {type(v).__name__} {v!r:.40})") from None
    return f if math.isfinite(f) else None
