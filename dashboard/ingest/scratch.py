"""Where the importer keeps its working copies of an upload (transcoded or rewritten CSV).

DuckDB reads CSV only from files, and an encrypted store cannot encrypt a CSV it reads. So
on Linux the copies are anonymous in-memory files (memfd): DuckDB opens them as
/proc/self/fd/N, no directory entry ever exists, nothing reaches a disk, and the kernel frees
them when the import ends — or when the process dies, however it dies.

Elsewhere they go to a private folder (0700, files 0600) named after the process, removed
when the import ends; folders left by a process that no longer runs (a crash, SIGKILL) are
removed when the next import starts. There they are plaintext while the import runs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PREFIX = "dashboard-import-"


class MemoryScratch:
    """Working files in memory: `scratch / name` is a fresh anonymous file's /proc path."""

    def __init__(self) -> None:
        self._fds: list[int] = []

    def __truediv__(self, name: str) -> Path:
        fd = os.memfd_create(name, os.MFD_CLOEXEC)
        self._fds.append(fd)
        return Path(f"/proc/self/fd/{fd}")

    def close(self) -> None:
        while self._fds:
            os.close(self._fds.pop())


class FolderScratch:
    """Working files in a private temporary folder: `scratch / name` is a new 0600 file."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))  # mode 0700

    def __truediv__(self, name: str) -> Path:
        target = self.folder / name
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return target

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


Scratch = MemoryScratch | FolderScratch


def in_memory_available() -> bool:
    """True where anonymous in-memory files can be opened by path (Linux)."""
    return hasattr(os, "memfd_create") and Path("/proc/self/fd").is_dir()


@contextmanager
def space() -> Iterator[Scratch]:
    """Yields the scratch space of one import; removes what it holds on every way out."""
    remove_stale()
    scratch = MemoryScratch() if in_memory_available() else FolderScratch()
    try:
        yield scratch
    finally:
        scratch.close()


def remove_stale(root: Path | None = None) -> list[Path]:
    """Removes scratch folders of processes that no longer run (also those of older versions,
    which carried no process id); returns them."""
    removed = []
    for folder in (root or Path(tempfile.gettempdir())).glob(f"{PREFIX}*"):
        if folder.is_dir() and not _alive(_owner(folder.name)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _owner(name: str) -> int | None:
    pid = name[len(PREFIX) :].split("-", 1)[0]
    return int(pid) if pid.isdigit() else None


def _alive(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it runs, as another user
        return True
    return True
