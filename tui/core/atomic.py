"""Replacing a file so that a crash at any moment leaves the old file or the new one, never half of one.

Session files, the history index and ``config.toml`` are all written this way
(``write_atomically``). Each step is there for a reason:

1. **A temporary file in the same folder** (``.NAME.XXXX.tmp``): ``os.replace``
   is only atomic within one file system, and the target's folder is the one
   place certain to be on the target's file system. The leading dot keeps the
   temporary file out of listings (history skips dot files).
2. **write, flush, fsync**: ``flush`` moves Python's buffer to the kernel;
   ``fsync`` makes the kernel put the bytes on disk *before* the rename. Without
   it, a power cut after the rename can leave the new name pointing at an
   empty or partly written file (delayed allocation on ext4, for instance).
3. **os.replace**: atomically swaps the name over to the new file (it
   overwrites an existing target on every platform, unlike ``os.rename`` on
   Windows). Readers see the old file or the new one.
4. **On any failure, the temporary file is removed**, so a full disk or a
   read-only folder leaves no debris, and the exception reaches the caller
   (who decides what to tell the user); the old file is untouched.
5. **fsync of the folder** (where the platform allows opening one): the rename
   is a change to the folder, and is itself durable only once the folder is
   synced. Failing here is ignored: the data is written and in place, and
   some platforms and file systems simply do not support it.

Thread-safe (nothing shared); callable from a worker thread. Never imports
Textual (part of ``tui.core``).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` (creating its folder if needed); raises ``OSError`` on failure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # 1
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)  # 2
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)  # 3
    except BaseException:
        with contextlib.suppress(OSError):  # 4
            os.unlink(temp)
        raise
    _sync_folder(path.parent)  # 5


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
