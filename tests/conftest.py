"""Suite-wide guards: no network, no stray files in the real home, offscreen Qt."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.helpers import FIRST_USER, OFFICE, PASSPHRASE, NetworkBlocked, VaultTemplate

# Every folder the app could write to points into one throwaway tree, so tests can scan it all.
_SANDBOX = Path(tempfile.mkdtemp(prefix="advocate-tests-"))
for _name in (
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_CACHE_HOME",
    "XDG_STATE_HOME",
    "XDG_RUNTIME_DIR",
):
    (_SANDBOX / _name.lower()).mkdir(mode=0o700)
    os.environ[_name] = str(_SANDBOX / _name.lower())
(_SANDBOX / "tmp").mkdir()
os.environ["TMPDIR"] = str(_SANDBOX / "tmp")
tempfile.tempdir = None  # re-read TMPDIR
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(_SANDBOX / "hypothesis"))

_real_socket = socket.socket


class _GuardedSocket(_real_socket):
    def __init__(self, family: int = -1, type: int = -1, proto: int = -1, fileno=None):
        fam = socket.AF_INET if family == -1 else family
        if fileno is None and fam in (socket.AF_INET, socket.AF_INET6):
            raise NetworkBlocked("a test tried to open an internet socket; the app never may")
        super().__init__(family, type, proto, fileno)


def _blocked(*_args, **_kwargs):
    raise NetworkBlocked("a test tried to reach the network; the app never may")


def _build_translations() -> None:
    """The Spanish .qm (built, not committed) from the .ts, when missing or older than the .ts."""
    import subprocess
    import sys

    ts = Path(__file__).resolve().parent.parent / "assets" / "translations" / "advocate_es.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)


def pytest_configure(config: pytest.Config) -> None:
    _build_translations()
    socket.socket = _GuardedSocket  # type: ignore[misc]
    socket.create_connection = _blocked  # type: ignore[assignment]
    socket.getaddrinfo = _blocked  # type: ignore[assignment]


def pytest_unconfigure(config: pytest.Config) -> None:
    socket.socket = _real_socket  # type: ignore[misc]
    shutil.rmtree(_SANDBOX, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _each_key_derived_once() -> Iterator[None]:
    """Argon2id at the floor the app allows (64 MiB, 3 passes) takes about half a second, and
    nearly every test unlocks a copy of the same template vault (same passphrase, same salt):
    on the main thread, each distinct (passphrase, salt, parameters) is derived for real once
    per test process and then remembered. The function is pure, so every test still sees the
    bytes the app would derive; a wrong passphrase or a new vault's salt is still a real
    derivation. Where the app derives on a worker thread (the unlock and set-up pages) it
    always derives for real: the window does work meanwhile (ui/shell_ahead.py) and its tests
    see the same timing as a person would. Child processes derive for real every time."""
    import functools
    import threading

    from advocate_app.store import crypto

    real_derive = crypto.derive_passphrase_key
    remembered = functools.lru_cache(maxsize=256)(real_derive)
    real_calibrate = crypto.calibrate_argon2
    at_the_floor: list[tuple[crypto.Argon2Params, float]] = []

    def on_the_main_thread() -> bool:
        return threading.current_thread() is threading.main_thread()

    def derive(passphrase: str, salt: bytes, params: crypto.Argon2Params) -> bytes:
        if on_the_main_thread():
            return remembered(passphrase, salt, params)
        return real_derive(passphrase, salt, params)

    def calibrate(target_seconds: float = 1.0) -> tuple[crypto.Argon2Params, float]:
        # The vaults the tests make ask for the floor (kdf_target_seconds=0): the answer is
        # always the floor, so it is measured for real once.
        if target_seconds > 0 or not on_the_main_thread():
            return real_calibrate(target_seconds)
        if not at_the_floor:
            at_the_floor.append(real_calibrate(target_seconds))
        return at_the_floor[0]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(crypto, "derive_passphrase_key", derive)
        patch.setattr(crypto, "calibrate_argon2", calibrate)
        yield


@pytest.fixture
def sandbox() -> Path:
    """The root of every folder the app may write to during the tests."""
    return _SANDBOX


@pytest.fixture(scope="session")
def vault_template() -> Iterator[VaultTemplate]:
    from advocate_app.store.vault import Vault

    folder = Path(tempfile.mkdtemp(prefix="template-", dir=_SANDBOX))
    vault, recovery = Vault.create(
        folder / "vault",
        office_name=OFFICE,
        user_name=FIRST_USER,
        passphrase=PASSPHRASE,
        kdf_target_seconds=0,
    )
    user_id = vault.current_user.id
    vault.close()
    yield VaultTemplate(folder / "vault", recovery, user_id)


@pytest.fixture(scope="session")
def demo_template() -> Path:
    """A new demo vault, made once per test process as open_demo_vault makes one, and closed:
    copied by the tests that need a fresh demo vault but do not test how one is made."""
    from advocate_app.demo.engine import open_demo_vault

    folder = Path(tempfile.mkdtemp(prefix="demo-template-", dir=_SANDBOX)) / "demo"
    open_demo_vault(folder).close()
    return folder


@pytest.fixture
def vault_dir(tmp_path: Path, vault_template: VaultTemplate) -> Path:
    """A fresh copy of a ready vault (same passphrase and recovery key), locked."""
    dest = tmp_path / "vault"
    shutil.copytree(vault_template.folder, dest, ignore=shutil.ignore_patterns("vault.lock"))
    return dest


@pytest.fixture
def vault(vault_dir: Path, vault_template: VaultTemplate):
    """A fresh vault, unlocked as its first user (a supervisor)."""
    from advocate_app.store.vault import Vault

    v = Vault.open(vault_dir)
    v.unlock(vault_template.user_id, PASSPHRASE)
    yield v
    v.close()


@pytest.fixture
def today() -> date:
    """Today's date, taken when the test starts: never at import time, where a suite that runs
    past midnight would give its tests yesterday while the app they check uses today."""
    return date.today()


@pytest.fixture(autouse=True)
def _summary_words_are_all_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every string the summary looks up must have its Spanish in reports_es.toml, in either
    language: a new or reworded English string fails the test that renders it."""
    from advocate_app.reports import language

    monkeypatch.setattr(language, "STRICT", True)
