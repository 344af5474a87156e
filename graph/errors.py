"""Exceptions raised by actorgraph. The library never exits; the CLI turns these into messages."""
from __future__ import annotations

from collections.abc import Callable
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
    """The data files are invalid; ``problems`` lists every problem found, in file order.

    ``parameter`` names the argument at fault when it is the cause (a data folder that does not
    exist), so that the CLI can name the option that sets it.
    """

    def __init__(self, problems: list[Problem], parameter: str | None = None):
        self.problems = sorted(problems)
        self.parameter = parameter
        files = len({p.file for p in self.problems})
        super().__init__(f"{len(self.problems)} error(s) in {files} file(s)")


class EditRejected(DataError):
    """The dataset with a new entry would be invalid; nothing was written to the file ``where``."""

    def __init__(self, problems: list[Problem], where: str):
        super().__init__(problems)
        self.where = where

    def __str__(self) -> str:
        return f"{super().__str__()}; nothing was written to {self.where}"


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


class DocumentError(ActorGraphError):
    """A file cannot become a document: no text in it, encrypted, no article, already registered."""


class NotFoundError(ActorGraphError):
    """A query found nothing (no path, no match)."""


class UsageError(ActorGraphError):
    """A request the library cannot carry out as asked (bad date, bad argument value).

    The message names the arguments at fault, listed in ``parameters``, as ``{name}``: ``str()``
    shows the argument names, and the CLI the options that set them (:meth:`worded`).

    >>> str(UsageError("{depth} must be at least 1", "depth"))
    'depth must be at least 1'
    """

    def __init__(self, message: str, *parameters: str):
        self.template = message
        self.parameters = parameters
        super().__init__(self.worded(lambda name: name))

    def worded(self, name: Callable[[str], str]) -> str:
        """The message with each argument at fault called ``name(argument)``."""
        text = self.template
        for parameter in self.parameters:
            text = text.replace("{" + parameter + "}", name(parameter))
        return text


class WriteError(ActorGraphError, OSError):
    """An output file could not be written; also the :class:`OSError` it stands for (``errno``,
    ``strerror``, ``filename``), so code handling ``OSError`` keeps working."""

    def __str__(self) -> str:
        return f"cannot write {self.filename}: {self.strerror}"
