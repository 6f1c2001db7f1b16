"""make serve notices an edit to the definitions by the kernel's reports on a local Linux disk, and by MkDocs'
polling anywhere else (a network or WSL-mounted disk reports nothing)."""

import threading
import time

from generator.site import watch


class FakeServer:
    """What watch() uses of MkDocs' LiveReloadServer."""

    def __init__(self):
        self.polled = []
        self._rebuild_cond = threading.Condition()
        self._want_rebuild = False

    def watch(self, path):
        self.polled.append(path)


def test_the_file_system_of_a_path_is_its_longest_mount_point(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/vda / ext4 rw 0 0\nserver:/share /mnt/share nfs4 rw 0 0\nC:\\134 /mnt/c 9p rw 0 0\n")
    assert watch.file_system("/home/hr/competencies", mounts) == "ext4"
    assert watch.file_system("/mnt/share/hr/competencies", mounts) == "nfs4"
    assert watch.file_system("/mnt/c/Users/hr/competencies", mounts) == "9p"
    assert watch.file_system("/mnt/shared", mounts) == "ext4"  # a prefix of a name is not its folder


def test_polling_stays_where_the_system_reports_nothing(tmp_path, monkeypatch):
    server = FakeServer()
    monkeypatch.setattr(watch, "file_system", lambda path: "9p")
    assert watch.watch(server, tmp_path) is None and server.polled == [str(tmp_path)]


def test_a_local_disk_starts_a_rebuild_at_once(tmp_path, monkeypatch):
    server = FakeServer()
    monkeypatch.setattr(watch, "file_system", lambda path: "ext4")
    observer = watch.watch(server, tmp_path)
    try:
        assert observer is not None and server.polled == []
        (tmp_path / "role.yaml").write_text("id: x\n", encoding="utf-8")
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=5)
        time.sleep(0.5)  # the write's last events (closed) delivered
        server._want_rebuild = False
        (tmp_path / "role.yaml").read_text(encoding="utf-8")  # the build reads every file: no rebuild for that
        with server._rebuild_cond:
            assert not server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=1)
    finally:
        observer.stop()
