"""The attack: after a lock, read the app's memory and look for anything secret.

The real app runs in a child process (offscreen, its own data, home and XDG folders). It sets up
a vault with a canary passphrase (the recovery key is shown), adds a client with a canary alias,
saves canary notes and leaves a canary draft, then locks with Ctrl+L. Once the unlock window is
back, this test reads every readable mapping of the process through /proc/PID/mem and looks for
each canary as UTF-8 and UTF-16-LE, and for the data key as raw bytes and as hex in both cases.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import select
import selectors
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("lock_child_app.py")


_SHARED_LIBRARY = re.compile(r"\.so(\.[0-9.]+)?$")


def _readable_regions(pid: int) -> list[tuple[int, int, str]]:
    """Every readable mapping except the read-only pages of shared libraries (code and
    constants, copies of files on disk, most of the size) and the kernel's clock pages."""
    regions = []
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(maxsplit=5)
        start, end = (int(x, 16) for x in parts[0].split("-"))
        perms = parts[1]
        name = parts[5] if len(parts) > 5 else ""
        if perms[0] != "r" or name.startswith(("[vvar", "[vsyscall")):
            continue
        if "w" not in perms and _SHARED_LIBRARY.search(name):
            continue
        regions.append((start, end, name))
    return regions


def scan_memory(pid: int, needles: dict[str, bytes]) -> dict[str, list[str]]:
    """Where each needle occurs in the process's memory: {label: [region names]}."""
    hits: dict[str, list[str]] = {}
    with open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for start, end, name in _readable_regions(pid):
            try:
                mem.seek(start)
                data = mem.read(end - start)
            except OSError:
                continue  # a guard page or a mapping that went away meanwhile
            for label, needle in needles.items():
                if needle in data:
                    hits.setdefault(label, []).append(name or "[anonymous]")
    return hits


def _memory_readable() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


class Child:
    def __init__(self, data_dir: Path, home: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "ADVOCATE"))}
        for name in (
            "XDG_CONFIG_HOME",
            "XDG_DATA_HOME",
            "XDG_CACHE_HOME",
            "XDG_STATE_HOME",
            "XDG_RUNTIME_DIR",
        ):
            folder = home / name.lower()
            folder.mkdir(mode=0o700)
            env[name] = str(folder)
        # A screen large enough for the window, so its position is kept as it is.
        screens = home / "screens.json"
        screens.write_text(
            json.dumps(
                {
                    "windowFrameMargins": False,
                    "screens": [
                        {
                            "name": "screen",
                            "x": 0,
                            "y": 0,
                            "width": 1920,
                            "height": 1080,
                            "logicalDpiX": 96,
                            "logicalDpiY": 96,
                            "dpr": 1,
                        }
                    ],
                }
            )
        )
        env.update(
            HOME=str(home),
            TMPDIR=str(home),
            PYTHONDONTWRITEBYTECODE="1",
            QT_QPA_PLATFORM=f"offscreen:configfile={screens}",
        )
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        # The daily automatic backup has its own tests; here it would only slow the first unlock.
        config = home / "xdg_config_home" / "advocate-app"
        config.mkdir(parents=True)
        (config / "settings.json").write_text('{"automatic_backups": false}')
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(data_dir)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
            bufsize=1,
        )
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.proc.stdout, selectors.EVENT_READ)  # type: ignore[arg-type]

    def send(self, **message: object) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(message) + "\n")
        self.proc.stdin.flush()

    def expect(self, event: str, within: float = 120.0) -> dict:
        """The next message named `event` (earlier ones are kept in self.seen)."""
        deadline = time.monotonic() + within  # a safety net for a hung child, not a timing check
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not self.selector.select(left):
                self.stop()
                pytest.fail(f"the app did not report {event!r}: {self.stderr()}")
            line = self.proc.stdout.readline()  # type: ignore[union-attr]
            if not line:
                self.proc.wait()
                pytest.fail(f"the app ended before {event!r}: {self.stderr()}")
            message = json.loads(line)
            if message.get("event") == "error":
                self.stop()
                pytest.fail(f"the app's driver failed: {message['text']} {self.stderr()}")
            if message.get("event") == event:
                return message

    def wait_for_the_app(self, pid: int) -> None:
        """The process showing the window (this one, or its successor) has ended."""
        if pid == self.proc.pid:
            self.proc.wait(timeout=60)
            return
        try:
            handle = os.pidfd_open(pid)
        except ProcessLookupError:
            return  # already gone
        try:  # readable once the process has ended (a safety net for a hung one, not timing)
            assert select.select([handle], [], [], 60)[0], "the successor did not quit"
        finally:
            os.close(handle)

    def stderr(self) -> str:
        if self.proc.poll() is None:
            return ""
        return (self.proc.stderr.read() if self.proc.stderr else "")[-3000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.selector.close()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


def _canaries() -> dict:
    def token(kind: str) -> str:
        return f"qz{kind}{secrets.token_hex(6)}"  # lower case: survives FTS lower-casing

    return {
        "passphrase": f"{token('pass')} maple river {secrets.randbelow(90) + 10}",
        "alias": token("alias"),
        "notes": [
            f"Met at the library. {token('notea')} bus pass given.",
            f"Called back about court. {token('noteb')} next week.",
        ],
        "draft": f"Half typed {token('draft')} not saved",
    }


def _needles(canaries: dict, recovery: dict, data_key: bytes) -> dict[str, bytes]:
    texts = {
        "passphrase": canaries["passphrase"],
        "passphrase token": canaries["passphrase"].split()[0],
        "alias": canaries["alias"],
        "recovery key": recovery["key"],
        "recovery key (as shown)": recovery["shown"].splitlines()[0],
        "recovery key (no dashes)": recovery["key"].replace("-", ""),
    }
    for i, body in enumerate(canaries["notes"]):
        texts[f"note {i + 1}"] = re.search(r"qz\w+", body).group(0)  # type: ignore[union-attr]
    texts["draft"] = re.search(r"qz\w+", canaries["draft"]).group(0)  # type: ignore[union-attr]
    needles: dict[str, bytes] = {}
    for label, text in texts.items():
        needles[f"{label} (UTF-8)"] = text.encode("utf-8")
        needles[f"{label} (UTF-16)"] = text.encode("utf-16-le")
    needles["data key (raw)"] = data_key
    for case, hexkey in (("lower", data_key.hex()), ("upper", data_key.hex().upper())):
        needles[f"data key (hex, {case})"] = hexkey.encode("ascii")
        needles[f"data key (hex, {case}, UTF-16)"] = hexkey.encode("utf-16-le")
    return needles


@pytest.mark.skipif(
    not _memory_readable(),
    reason="reading another process's memory needs "
    "Linux and root (the app turns off ptrace access for its own user)",
)
@pytest.mark.parametrize(
    "standby", [True, False], ids=["successor started ahead", "process image replaced"]
)
def test_nothing_secret_survives_a_lock(tmp_path: Path, standby: bool) -> None:
    from advocate_app.store.keyslots import KeysFile

    canaries = _canaries()
    data_dir = tmp_path / "data"
    home = tmp_path / "home"
    home.mkdir()
    child = Child(data_dir, home)
    try:
        child.send(**canaries, standby=standby)
        recovery = child.expect("recovery_key")
        place = child.expect("place")
        locking = child.expect("locking")
        ready = child.expect("ready")
        lock_to_unlock_ms = (ready["at"] - locking["at"]) * 1000
        print(
            f"\nlock -> unlock window shown: {lock_to_unlock_ms:.0f} ms "
            f"(fresh process: {ready['fresh']})"
        )
        # A fresh process, showing the unlock window where the old window was.
        assert ready["fresh"] and ready["unlock_shown"]
        assert ready["geometry"] == place["geometry"]
        if standby:
            # The successor took over and the process that held the secrets is gone.
            assert ready["pid"] != locking["pid"]
            assert child.proc.wait(timeout=30) == 0
        else:
            assert ready["pid"] == locking["pid"] == child.proc.pid

        keys = KeysFile.load(data_dir)
        user_id = keys.passphrase_slots()[0].user_id
        data_key = bytes(keys.unwrap_with_passphrase(user_id, canaries["passphrase"]))
        needles = _needles(canaries, recovery, data_key)
        # The scan finds what is there: the data folder's path is in the child's memory.
        needles["control: the data folder's path"] = str(data_dir).encode()
        hits = scan_memory(ready["pid"], needles)
        assert hits.pop("control: the data folder's path", None), "the scan read nothing"
        assert hits == {}, f"secrets left in memory after the lock: {hits}"

        # Unlocking in the fresh process returns to where the person was, draft included.
        child.send(unlock=canaries["passphrase"])
        back = child.expect("unlocked")
        assert (back["section"], back["client_id"], back["tab"]) == (
            place["section"],
            place["client_id"],
            place["tab"],
        )
        assert back["draft"] == canaries["draft"]
        child.send(quit=True)
        child.wait_for_the_app(ready["pid"])
    finally:
        child.stop()
