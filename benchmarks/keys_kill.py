"""Kill injection for the key-slot changes: removing a user (a re-key), resetting a passphrase
(a re-key), adding a user and an ordinary passphrase change. A child process performs one change
and is stopped dead (`os._exit`, no cleanup runs) at its Nth `os.replace` or `os.fsync`; then the
vault must open, with either the old key set or the new one, never neither:

- the recovery key and the supervisor's passphrase open it, and both integrity checks pass;
- every record written before is there;
- a user is active exactly when they have a key slot (no ghost, no user locked out);
- every backup in the data folder opens with the recovery key;
- no staging folder or pending keys file is left once it has been opened.

    python -m benchmarks.keys_kill [--ops remove,reset,add,change] [--every N]

`tests/store/test_keys_kill.py` runs a few kill points per change; this runs every one.
POSIX only.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

PASSPHRASE = "keys kill lantern harbor 42"
NEW_PASSPHRASE = "orchard violin pebble meadow 19"
REPO = Path(__file__).resolve().parent.parent

# The child unlocks with the data key (on stdin, never argv): no key derivation before the
# change itself. Steps are counted from the moment the change starts.
CHILD = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from advocate_app.store import users
    from advocate_app.store.vault import Vault

    cfg = json.loads(sys.stdin.readline())
    vault = Vault.open(Path(cfg["folder"]))
    vault.unlock_with_data_key(bytearray.fromhex(cfg["key"]), cfg["supervisor"])
    steps = [0]

    def hook(name):
        real = getattr(os, name)
        def counted(*args, **kwargs):
            steps[0] += 1
            if steps[0] == cfg["kill_at"]:
                os._exit(137)
            return real(*args, **kwargs)
        setattr(os, name, counted)

    hook("replace")
    hook("fsync")
    op = cfg["op"]
    if op == "remove":
        users.remove_user(vault, cfg["jo"])
    elif op == "reset":
        users.reset_passphrase(vault, cfg["jo"])
    elif op == "add":
        users.add_user(vault, "Nova", "advocate")
    elif op == "change":
        users.change_own_passphrase(vault, None, cfg["new_passphrase"])
    print("STEPS", steps[0], flush=True)
    os._exit(0)
    """
)


@dataclass(frozen=True)
class Office:
    folder: Path
    recovery_key: str
    supervisor: str
    jo: str
    key_hex: str
    notes: int


def make_office(folder: Path) -> Office:
    """A small vault: a supervisor, an advocate, a client with notes, an automatic backup."""
    from advocate_app.store import backup, clients, notes, users
    from advocate_app.store.clients import ClientFields
    from advocate_app.store.vault import Vault

    vault, recovery = Vault.create(
        folder,
        office_name="Kill Test Office",
        user_name="Maria",
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
    )
    try:
        jo = users.add_user(vault, "Jo", "advocate").user.id
        cid = clients.create_client(vault, ClientFields(alias="Rosa K"))
        for n in range(5):
            notes.add_note(vault, cid, "contact", f"note {n}")
        backup.auto_backup_if_due(vault)
        return Office(folder, recovery, vault.current_user.id, jo, vault.data_key_copy().hex(), 5)
    finally:
        vault.close()


def run_child(office: Office, folder: Path, op: str, kill_at: int) -> tuple[int, int | None]:
    """(exit code, steps counted when it finished; None when killed)."""
    cfg = {
        "folder": str(folder),
        "key": office.key_hex,
        "supervisor": office.supervisor,
        "jo": office.jo,
        "op": op,
        "kill_at": kill_at,
        "new_passphrase": NEW_PASSPHRASE,
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        input=json.dumps(cfg) + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    steps = None
    for line in done.stdout.splitlines():
        if line.startswith("STEPS "):
            steps = int(line.split()[1])
    if done.returncode not in (0, 137):
        raise RuntimeError(f"the child failed: {done.stderr[-2000:]}")
    return done.returncode, steps


def check_after(office: Office, folder: Path, *, with_passphrase: bool = True) -> list[str]:
    """What is wrong with the folder after a kill (empty: it opens with one whole key set)."""
    from sqlalchemy import select

    from advocate_app.store.backup import list_backups
    from advocate_app.store.keychange import slot_user_ids
    from advocate_app.store.layout import PENDING_KEYS_NAME, REKEY_STAGING_PREFIX
    from advocate_app.store.models import User
    from advocate_app.store.restore import BackupCredentials, verify_backup_with
    from advocate_app.store.vault import Vault

    problems: list[str] = []
    with Vault.open(folder) as vault:
        vault.unlock_with_recovery_key(office.supervisor, office.recovery_key)
        if vault.integrity_problems():
            problems.append("integrity problems")
        if vault.raw_count("notes") != office.notes:
            problems.append("notes lost")
        with vault.read() as s:
            active = set(s.scalars(select(User.id).where(User.active.is_(True))))
        slotted = slot_user_ids(vault.keys)
        if active != slotted:
            problems.append(f"users {sorted(active)} but slots {sorted(slotted)}")
        leftovers = [
            p.name
            for p in folder.iterdir()
            if p.name.startswith(REKEY_STAGING_PREFIX) or p.name == PENDING_KEYS_NAME
        ]
        if leftovers:
            problems.append(f"left behind: {leftovers}")
        if with_passphrase:
            vault.lock()
            for phrase in (PASSPHRASE, NEW_PASSPHRASE):
                try:
                    vault.unlock(office.supervisor, phrase)
                    break
                except Exception:  # noqa: S112 - the other one may be the right one
                    continue
            else:
                problems.append("the supervisor's passphrase no longer opens the vault")
    for info in list_backups(folder / "backups"):
        try:
            verify_backup_with(info.path, BackupCredentials(recovery_key=office.recovery_key))
        except Exception as exc:
            problems.append(f"backup {info.path.name}: {type(exc).__name__}")
    return problems


def kill_round(
    office: Office, work: Path, op: str, kill_at: int, *, with_passphrase: bool = True
) -> list[str]:
    folder = work / f"{op}-{kill_at}"
    shutil.copytree(office.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    run_child(office, folder, op, kill_at)
    problems = check_after(office, folder, with_passphrase=with_passphrase)
    shutil.rmtree(folder, ignore_errors=True)
    return problems


def count_steps(office: Office, work: Path, op: str) -> int:
    """Run the change to its end (no kill), check the result, and count its steps."""
    folder = work / f"{op}-count"
    shutil.copytree(office.folder, folder, ignore=shutil.ignore_patterns("vault.lock"))
    _code, steps = run_child(office, folder, op, 10**9)
    if steps is None:
        raise RuntimeError("the change did not finish")
    problems = check_after(office, folder)
    if problems:
        raise RuntimeError(f"{op} without a kill: {problems}")
    shutil.rmtree(folder, ignore_errors=True)
    return steps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ops", default="remove,reset,add,change")
    parser.add_argument("--every", type=int, default=1, help="kill at every Nth step only")
    args = parser.parse_args(argv)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="keys-kill-") as tmp:
        work = Path(tmp)
        office = make_office(work / "template")
        for op in args.ops.split(","):
            steps = count_steps(office, work, op)
            started = time.perf_counter()
            for kill_at in range(1, steps + 1, max(1, args.every)):
                problems = kill_round(office, work, op, kill_at)
                if problems:
                    failures += 1
                    print(f"{op} killed at step {kill_at}/{steps}: {problems}", flush=True)
            print(
                f"{op}: {steps} steps, every kill point checked in "
                f"{time.perf_counter() - started:.0f} s",
                flush=True,
            )
    print(
        "keys kill: all rounds open with one whole key set"
        if not failures
        else f"keys kill: {failures} bad rounds"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
