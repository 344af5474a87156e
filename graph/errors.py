"""Exceptions raised by actorgraph. The library never exits; the CLI turns these into messages."""
from __future__ import annotations

from dataclasses import dataclass


class ActorGraphError(Exception):
    """Base class of every error actorgraph raises on purpose."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located in a file (line and column are 1-based)."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class DataError(ActorGraphError):
    """The data files are invalid; ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        files = len({p.file for p in self.problems})
        super().__init__(f"{len(self.problems)} error(s) in {files} file(s)")


class UnknownActorError(ActorGraphError):
    """A name given by the user matches no actor."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no actor matches {name!r}{hint}")


class AmbiguousActorError(ActorGraphError):
    """A name given by the user matches several actors."""

    def __init__(self, name: str, candidates: list[str]):
        self.name = name
        self.candidates = candidates
        super().__init__(f"{name!r} is ambiguous; it could be: {', '.join(candidates)}")


class NotFoundError(ActorGraphError):
    """A query found nothing (no path, no match)."""


class UsageError(ActorGraphError):
    """A request the library cannot carry out as asked (bad date, bad option value)."""


class WriteError(ActorGraphError, OSError):
    """An output file could not be written; also the :class:`OSError` it stands for (``errno``,
    ``strerror``, ``filename``), so code handling ``OSError`` keeps working."""

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"
