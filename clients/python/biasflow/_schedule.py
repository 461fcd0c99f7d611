"""Which logged steps are sent: the log schedule of biasflow's internal runs."""

from __future__ import annotations

import math


class LogThinner:
    """Keeps the steps an internal biasflow run would record.

    Step 0, the steps ``round(10 ** (k / per_decade))`` for k = 0, 1, 2, ...
    (the first logged step at or past each of them, when a loop logs only
    every few steps) and, with ``every_s > 0``, a heartbeat: a step logged at
    least ``every_s`` seconds after the last one kept. ``per_decade=None``
    keeps every step.

    >>> t = LogThinner(per_decade=1, every_s=0)
    >>> [s for s in range(0, 1001) if t.keep(s, 0.0)]
    [0, 1, 10, 100, 1000]
    """

    def __init__(self, per_decade: int | None = 20, every_s: float = 1.0) -> None:
        if per_decade is not None and (not isinstance(per_decade, int) or per_decade < 1):
            raise ValueError(f"per_decade must be a positive integer or None (saw {per_decade!r})")
        if not (isinstance(every_s, (int, float)) and every_s >= 0 and math.isfinite(every_s)):
            raise ValueError(f"every_s must be a finite number >= 0 (saw {every_s!r})")
        self.per_decade = per_decade
        self.every_s = float(every_s)
        self._k = 0
        self._next = 1
        self._last_time: float | None = None

    def keep(self, step: int, now: float) -> str | None:
        """The trigger (``"schedule"`` or ``"heartbeat"``) if ``step`` is kept, else None."""
        trigger = None
        if self.per_decade is None or step == 0 and self._last_time is None:
            trigger = "schedule"
        elif step >= self._next:
            trigger = "schedule"
            while self._next <= step:
                self._k += 1
                self._next = round(10 ** (self._k / self.per_decade))
        elif self.every_s > 0 and self._last_time is not None and now - self._last_time >= self.every_s:
            trigger = "heartbeat"
        if trigger is not None:
            self._last_time = now
        return trigger
