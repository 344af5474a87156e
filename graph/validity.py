"""As of a date, does a relation hold? Three answers: it holds, it may hold, or it does not.

Each relation gets a :class:`Span`: four day numbers bounding when it may hold and when it is
known to hold. Asking about a date (itself a span of days: ``2022-01`` is the whole month)
is then one comparison, the same in Python and in the page, which receives the numbers.

============================  =====================  ======================  ==================
relation                      may hold from          known to hold           may hold until
============================  =====================  ======================  ==================
event on date D               first day of D         from last day of D on   for ever
event, undated                always                 never                   for ever
state from S to E             first day of S         last of S .. first of E last day of E
state, no start               always                 never                   (as its end says)
state, no end                 (as its start says)    (no end: for ever)      for ever
state, ``end: unknown``       (as its start says)    never                   for ever
state with a ``date`` D       first day of D         on D only (a day)       for ever
============================  =====================  ======================  ==================

A date D holds when every one of its days is known; it does not hold when none of its days
may; otherwise it may hold.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache

from .dates import PartialDate, parse_date

INFINITY = math.inf


@dataclass(frozen=True)
class Unknown:
    """A date that exists but is not known: ``end: unknown`` for a post the text calls former."""

    text: str = "unknown"

    def __str__(self) -> str:
        return self.text


UNKNOWN = Unknown()


class Holding(IntEnum):
    """The answer for one relation and one date, ordered so that ``min`` combines answers."""

    NO = 0
    MAY = 1
    HOLDS = 2


@dataclass(frozen=True)
class Span:
    """Day numbers (``date.toordinal()``, or ±infinity) bounding when a relation may and is known to hold."""

    may_from: float
    known_from: float
    known_until: float
    may_until: float

    def at(self, when: PartialDate) -> Holding:
        """Whether the relation holds on every day of ``when``, on some, or on none.

        >>> d = PartialDate.parse
        >>> span_of(True, d("2022-01-05"), None, None).at(d("2022-01")).name
        'MAY'
        """
        first, last = when.first.toordinal(), when.last.toordinal()
        if last < self.may_from or first > self.may_until:
            return Holding.NO
        if self.known_from <= first and last <= self.known_until:
            return Holding.HOLDS
        return Holding.MAY


def span_of(state: bool, start: PartialDate | None, end: PartialDate | Unknown | None,
            date: PartialDate | None) -> Span:
    """The span of a relation of a state type (``state``) or an event type, from its dates.

    >>> d = PartialDate.parse
    >>> [span_of(False, None, None, d("2022-01-05")).at(d(day)).name for day in ("2022-01-04", "2022-01-05", "2023")]
    ['NO', 'HOLDS', 'HOLDS']
    >>> [span_of(True, None, UNKNOWN, None).at(d(day)).name for day in ("1990", "2030")]
    ['MAY', 'MAY']
    """
    if date is not None and state:
        return Span(_first(date), _last(date), _first(date), INFINITY)
    if date is not None or (not state and end is None):
        at = date or start
        return Span(-INFINITY, INFINITY, INFINITY, INFINITY) if at is None else \
            Span(_first(at), _last(at), INFINITY, INFINITY)
    may_from, known_from = (_first(start), _last(start)) if start is not None else (-INFINITY, INFINITY)
    if end is None:
        known_until = may_until = INFINITY
    elif isinstance(end, Unknown):
        known_until, may_until = -INFINITY, INFINITY
    else:
        known_until, may_until = _first(end), _last(end)
    return Span(may_from, known_from, known_until, may_until)


@lru_cache(maxsize=8192)
def _span(state: bool, start: str | None, end: str | None, date: str | None) -> Span:
    return span_of(state, parse_date(start), UNKNOWN if end == UNKNOWN.text else parse_date(end), parse_date(date))


def edge_span(data: dict) -> Span:
    """The span of the relation with edge attributes ``data`` (dates as stored text)."""
    return _span(data["time"] == "state", data["start"], data["end"], data["date"])


#: Day numbers the page counts from (JavaScript's epoch), and what stands for infinity in its JSON.
_EPOCH = 719163  # datetime.date(1970, 1, 1).toordinal()
PAGE_INFINITY = 10**9


def page_days(span: Span) -> list[int]:
    """``span`` as the page reads it: days since 1970-01-01, infinities as ±:data:`PAGE_INFINITY`.

    >>> page_days(span_of(False, None, None, PartialDate.parse("1970-01-02")))
    [1, 1, 1000000000, 1000000000]
    """
    return [page_day(day) for day in (span.may_from, span.known_from, span.known_until, span.may_until)]


def page_day(day: float) -> int:
    """A day number (``date.toordinal()``, or ±infinity) as the page counts days."""
    return max(-PAGE_INFINITY, min(PAGE_INFINITY, int(day) - _EPOCH)) if math.isfinite(day) else \
        int(math.copysign(PAGE_INFINITY, day))


def _first(date: PartialDate) -> int:
    return date.first.toordinal()


def _last(date: PartialDate) -> int:
    return date.last.toordinal()
