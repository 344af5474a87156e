"""Writing output files so that a reader never sees a half-written file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import WriteError


def write_atomic(path: Path | str, content: str | bytes) -> None:
    """Write ``content`` (text as UTF-8) to a temporary file beside ``path``, then rename it into place.

    If anything fails, ``path`` keeps its old content and the temporary file is removed; a failure
    of the operating system is raised as :class:`~graph.errors.WriteError`.
    """
    path = Path(path)
    try:
        _replace(path, content.encode("utf-8") if isinstance(content, str) else content)
    except OSError as exc:
        raise WriteError(exc.errno, exc.strerror or str(exc), str(path)) from exc


def _replace(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
