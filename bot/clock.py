"""Where the bot takes the time from: the system clock, or in tests a clock the test sets.

Study groups live on a calendar (plan weeks, check-in moments, streaks), so the code that needs "now" takes it
from a :class:`Clock` it was given instead of calling ``datetime.now()``. A test gives the bot a
:class:`FileClock`: the current moment is whatever ISO-8601 timestamp the test last wrote into a file, so it can
move a subprocess bot through six plan weeks in seconds. The bot's settings pick it only when a test asks
(``Config.test_clock``); it is not a user setting.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Protocol


class Clock(Protocol):
    #: The longest the bot's scheduler may sleep before it looks at the clock again (seconds).
    tick: float

    def now(self) -> datetime:
        """The current moment, an aware datetime in UTC."""
        ...


class SystemClock:
    tick = 60.0

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def __repr__(self) -> str:
        return "SystemClock()"


class FileClock:
    """The moment written in ``path`` (ISO-8601 with an offset; without one it is UTC), read at every call;
    the system time while the file does not exist. Write it atomically (a temporary file renamed over it)."""

    tick = 0.2

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"FileClock({str(self.path)!r})"

    def now(self) -> datetime:
        try:
            text = self.path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return datetime.now(timezone.utc)
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.tzinfo is None or moment.utcoffset() is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)

    def set(self, moment: datetime) -> None:
        """Move the clock to ``moment`` (an aware datetime); for the test that owns the file."""
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError("the clock needs an aware datetime")
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(moment.isoformat(), encoding="utf-8")
        tmp.replace(self.path)


def clock_for(test_clock: Path | None) -> Clock:
    """The system clock, or the test's file clock when the settings name one."""
    return FileClock(test_clock) if test_clock is not None else SystemClock()
