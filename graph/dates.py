"""Partial ISO dates (``2022``, ``2022-01``, ``2022-01-05``).

A partial date stands for every day it covers: ``2022-01`` is 2022-01-01 .. 2022-01-31. Whether a
relation holds at such a date is :mod:`graph.validity`'s question.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

# [0-9], not \d: \d also matches other scripts' digits (Arabic-Indic "٢٠٢٢"), which int() accepts.
PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_PATTERN = re.compile(PATTERN)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, month or day; ``first`` and ``last`` bound the days it covers."""

    first: dt.date
    last: dt.date
    text: str

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``ValueError`` when invalid.

        >>> PartialDate.parse("2022-02").last
        datetime.date(2022, 2, 28)
        """
        text = str(text).strip()
        if not _PATTERN.match(text):
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in text.split("-")]
        year = parts[0]
        if len(parts) == 1:
            return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), text)
        month = parts[1]
        if len(parts) == 2:
            return cls(dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1]), text)
        try:
            day = dt.date(year, month, parts[2])
        except ValueError:
            raise ValueError(f"{text!r} is not a real day") from None
        return cls(day, day, text)

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=4096)
def parse_date(text: str | None) -> PartialDate | None:
    """:meth:`PartialDate.parse` of a valid stored date (or ``None``), remembered: graphs repeat few dates."""
    return None if text is None else PartialDate.parse(text)

