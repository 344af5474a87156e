"""Writing files so that a reader never sees a half-written file or a half-written set of files, and
locking a folder so that writers take turns.

Writes go through symbolic links (the target is replaced, the link stays), refuse read-only
files, and create missing parent folders.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import stat
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .errors import ActorGraphError, WriteError


def write_atomic(path: Path | str, content: str | bytes, mode: int | None = None) -> None:
    """Write ``content`` (text as UTF-8) to ``path`` whole or not at all; see :func:`write_all`."""
    write_all({path: content}, mode)


def write_all(files: Mapping[Path | str, str | bytes], mode: int | None = None) -> None:
    """Write every file of ``files`` (path to content, text as UTF-8), all or none, with permissions
    ``mode`` (default: those of the file replaced, else the usual ones for a new file).

    Each content goes to a temporary file beside its target first; only when all are written are
    they renamed into place. If anything fails, every target keeps its old content (or stays
    absent) and no temporary file is left; a failure of the operating system is raised as
    :class:`~graph.errors.WriteError` naming the file.
    """
    named: dict[Path, Path] = {}  # the real file (links followed): the path as the caller named it
    contents: dict[Path, bytes] = {}
    for path, content in files.items():
        real = Path(os.path.realpath(path))
        named[real] = Path(path)
        contents[real] = content.encode("utf-8") if isinstance(content, str) else content
    temps: dict[Path, str] = {}
    backups: dict[Path, str | None] = {}
    current = Path()
    try:
        for current, data in contents.items():
            _refuse_read_only(current, named[current])
            try:
                current.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # name the folder that cannot be made, not the file
                raise WriteError(exc.errno, exc.strerror or str(exc), str(named[current].parent)) from exc
            temps[current] = _temporary(current, data, mode)
        for current, temp in list(temps.items()):
            backups[current] = _backup(current) if current.exists() else None
            os.replace(temp, current)
            del temps[current]
    except BaseException as exc:
        _undo(temps, backups)
        if isinstance(exc, OSError) and not isinstance(exc, WriteError):
            raise WriteError(exc.errno, exc.strerror or str(exc), str(named.get(current, current))) from exc
        raise
    for backup in backups.values():
        if backup:
            Path(backup).unlink(missing_ok=True)


@contextmanager
def locked(folder: Path | str) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (``flock``) for the duration: cooperating writers wait their turn."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError as exc:
        raise ActorGraphError(f"cannot lock folder {folder}: {exc.strerror or exc}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def _refuse_read_only(path: Path, named: Path) -> None:
    # Checked by hand because root may write anyway: a file without write permission stays as it is.
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222):
        raise WriteError(errno.EACCES, "the file is read-only", str(named))


def _temporary(path: Path, data: bytes, mode: int | None) -> str:
    """A new file beside ``path`` holding ``data``, with permissions ``mode``, else ``path``'s, else the default."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is None:
            mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
        os.chmod(temp, mode)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return temp


def _backup(path: Path) -> str:
    """A second name for ``path``'s current content (a hard link, else a copy), to put back on failure."""
    backup = str(path.parent / f".{path.name}.{uuid.uuid4().hex[:12]}.old")
    try:
        os.link(path, backup)
    except OSError:  # a file system without hard links
        shutil.copy2(path, backup)
    return backup


def _undo(temps: dict[Path, str], backups: dict[Path, str | None]) -> None:
    """Remove what was not renamed yet and put back what was, best effort: the first failure is what is raised."""
    for temp in temps.values():
        Path(temp).unlink(missing_ok=True)
    for path, backup in backups.items():
        try:
            if path not in temps and backup:
                os.replace(backup, path)
            elif path not in temps:
                path.unlink(missing_ok=True)
            elif backup:
                Path(backup).unlink(missing_ok=True)
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
