"""make serve: noticing an edit to the definitions at once.

MkDocs polls every watched folder every 0.5 s, which works on any file system; at 2,000 roles the preview then
waits a quarter of a second on average before its rebuild even starts. On Linux, when the definitions are on a
local disk, whose changes the kernel reports (inotify), they are watched that way instead; anywhere else (a
network or WSL-mounted disk, other systems) MkDocs' polling stays, as it was.
"""

import sys
from pathlib import Path

# file systems whose changes inotify reports, whoever makes them
LOCAL = {"ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "f2fs", "zfs", "jfs", "reiserfs"}
# what a change is: not "opened" or "closed_no_write", which every build makes by reading the files
CHANGES = {"created", "modified", "deleted", "moved", "closed"}


def file_system(path, mounts="/proc/mounts"):
    """The type of the file system `path` is on (Linux), or None."""
    try:
        table = [line.split()[1:3] for line in Path(mounts).read_text().splitlines()]
    except OSError:
        return None
    path = str(Path(path).resolve())
    best = max((m for m in table if path == m[0] or path.startswith(m[0].rstrip("/") + "/")),
               key=lambda m: len(m[0]), default=None)
    return best[1] if best else None


def watch(server, path):
    """Watch `path` for MkDocs' live-reload `server`: by the kernel's reports where they can be trusted, else by
    MkDocs' polling. Returns the observer to stop at shutdown, or None."""
    condition = getattr(server, "_rebuild_cond", None)  # what MkDocs' own watch callback sets, as it sets it
    if not (sys.platform.startswith("linux") and file_system(path) in LOCAL
            and condition is not None and hasattr(server, "_want_rebuild")):
        server.watch(str(path))
        return None
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers.inotify import InotifyObserver

    def changed(event):
        if not event.is_directory and event.event_type in CHANGES:
            with condition:
                server._want_rebuild = True
                condition.notify_all()

    handler = FileSystemEventHandler()
    handler.on_any_event = changed
    observer = InotifyObserver()
    observer.daemon = True
    observer.schedule(handler, str(path), recursive=True)
    observer.start()
    return observer
