"""The frozen one-folder app: it builds, runs its smoke test offline, stays small and quiet.

The tests marked slow build the bundle with PyInstaller (a minute or two) and run only when asked
for with `-m slow` (`make package-test`); `make test` skips them. The checks of the packaging
files at the end are fast and run everywhere.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import types
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from configparser import ConfigParser
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.advocatecompanion.AdvocateCompanion"
SIZE_BUDGET_BYTES = 200 * 1024 * 1024

with (ROOT / "pyproject.toml").open("rb") as _fh:
    PROJECT = tomllib.load(_fh)["project"]
VERSION: str = PROJECT["version"]
EXE_NAME: str = next(iter(PROJECT["scripts"]))

slow = pytest.mark.slow


def _load_build_module() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("packaging_build", PACKAGING / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_build_module()


@dataclass
class Bundle:
    root: Path
    exe: Path
    internal: Path  # PyInstaller's _internal folder (Contents/Frameworks in a macOS .app)


@dataclass
class SmokeRun:
    returncode: int
    stdout: str
    stderr: str
    sandbox: Path
    inet_calls: list[str] | None  # None when strace was not available


@pytest.fixture(scope="module")
def bundle(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("builds the frozen app: run with `make package-test` (pytest -m slow)")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: pip install -e '.[package]'")
    out = tmp_path_factory.mktemp("frozen")
    dist = out / "dist"
    proc = subprocess.run(
        [
            sys.executable,
            str(PACKAGING / "build.py"),
            "--dist",
            str(dist),
            "--work",
            str(out / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    # 1 means built but over budget: test_bundle_stays_within_its_size_budget says so.
    assert proc.returncode in (0, 1), (
        f"packaging/build.py failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n"
        f"{proc.stderr[-6000:]}"
    )
    root = build.bundle_dir(dist)
    exe = build.executable(dist)
    assert exe.is_file(), f"no executable at {exe}"
    internal = root / "Contents" / "Frameworks" if sys.platform == "darwin" else root / "_internal"
    return Bundle(root=root, exe=exe, internal=internal)


def _offline_env(sandbox: Path) -> dict[str, str]:
    """A fresh environment: every per-user folder inside the sandbox, no proxy, offscreen Qt."""
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(sandbox / "home"),
        "TMPDIR": str(sandbox / "tmp"),
    }
    for name in (
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "XDG_CACHE_HOME",
        "XDG_STATE_HOME",
        "XDG_RUNTIME_DIR",
    ):
        env[name] = str(sandbox / name.lower())
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
        for name in ("USERPROFILE", "APPDATA", "LOCALAPPDATA", "TEMP", "TMP"):
            env[name] = str(sandbox / name.lower())
    for value in env.values():
        if value.startswith(str(sandbox)):
            Path(value).mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def _no_network_prefix() -> list[str]:
    """A new, empty network namespace on Linux, when the kernel lets us make one."""
    unshare = shutil.which("unshare")
    if not sys.platform.startswith("linux") or unshare is None:
        return []
    for args in ([unshare, "-n"], [unshare, "-rn"]):  # as root; as a user (user namespaces)
        probe = subprocess.run([*args, "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return args
    return []


def _run_offline(
    bundle: Bundle, sandbox: Path, *args: str, trace: Path | None = None
) -> subprocess.CompletedProcess[str]:
    cmd = _no_network_prefix()
    strace = shutil.which("strace")
    if trace is not None and strace and sys.platform.startswith("linux"):
        cmd += [
            strace,
            "-f",
            "-qq",
            "-e",
            "trace=socket,connect,sendto,sendmsg",
            "-e",
            "signal=none",
            "-o",
            str(trace),
        ]
    cmd += [str(bundle.exe), *args]
    return subprocess.run(
        cmd, env=_offline_env(sandbox), capture_output=True, text=True, timeout=600, check=False
    )


@pytest.fixture(scope="module")
def smoke(bundle: Bundle, tmp_path_factory: pytest.TempPathFactory) -> SmokeRun:
    sandbox = tmp_path_factory.mktemp("smoke-sandbox")
    trace = sandbox / "syscalls.log"
    proc = _run_offline(bundle, sandbox, "--smoke-test", trace=trace)
    inet_calls = None
    if trace.exists():
        inet_calls = [
            line
            for line in trace.read_text(errors="replace").splitlines()
            if re.search(r"\bAF_INET6?\b", line)
        ]
        trace.unlink()
    return SmokeRun(proc.returncode, proc.stdout, proc.stderr, sandbox, inet_calls)


# --- the bundle runs ---------------------------------------------------------------------------


@slow
def test_smoke_test_passes_offline(smoke: SmokeRun) -> None:
    assert smoke.returncode == 0, f"stdout:\n{smoke.stdout}\nstderr:\n{smoke.stderr}"


@slow
def test_smoke_test_prints_nothing_unexpected(smoke: SmokeRun) -> None:
    assert smoke.stderr == "", f"unexpected output on stderr:\n{smoke.stderr}"
    lines = smoke.stdout.splitlines()
    assert lines, "the smoke test reported no step"
    unexpected = [line for line in lines if not line.startswith("ok: ")]
    assert unexpected == [], f"unexpected output on stdout: {unexpected}"


@slow
def test_smoke_test_opens_no_internet_socket(smoke: SmokeRun) -> None:
    if smoke.inet_calls is None:
        pytest.skip("strace is not available to watch the smoke test's system calls")
    assert smoke.inet_calls == [], "the frozen app touched an internet socket:\n" + "\n".join(
        smoke.inet_calls[:20]
    )


@slow
def test_smoke_test_leaves_no_vault_and_no_temp_files(smoke: SmokeRun) -> None:
    leftovers = [
        p
        for p in smoke.sandbox.rglob("*")
        if p.name.startswith("vault.") or "advocate-smoke-" in str(p)
    ]
    assert leftovers == [], f"the smoke test left files behind: {leftovers}"
    assert list((smoke.sandbox / "tmp").iterdir()) == []


@slow
def test_version_and_help_run_from_the_bundle(bundle: Bundle, tmp_path: Path) -> None:
    version = _run_offline(bundle, tmp_path, "--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"{EXE_NAME} {VERSION}")
    helptext = _run_offline(bundle, tmp_path, "--help")
    assert helptext.returncode == 0 and "init" in helptext.stdout and helptext.stderr == ""
    assert "--smoke-test" not in helptext.stdout  # hidden from people


# --- what the bundle holds ---------------------------------------------------------------------


@slow
def test_bundle_stays_within_its_size_budget(bundle: Bundle) -> None:
    size = build.tree_size(bundle.root)
    assert size < SIZE_BUDGET_BYTES, (
        f"bundle is {size / 1024 / 1024:.1f} MB, budget {SIZE_BUDGET_BYTES // 1024 // 1024} MB"
    )


_NETWORK_LIBRARY = re.compile(
    r"qt6?network|qtnetwork|webengine|qt6?qml|qtqml|qt6?quick|qtquick|"
    r"(^|/)_ssl\.|libssl|libcurl|libgnutls|plugins/(tls|networkinformation)/"
)


@slow
def test_bundle_holds_no_network_capable_library(bundle: Bundle) -> None:
    found = sorted(
        str(p.relative_to(bundle.root))
        for p in bundle.root.rglob("*")
        if _NETWORK_LIBRARY.search(p.relative_to(bundle.root).as_posix().lower())
    )
    assert found == [], f"network-capable libraries in the bundle: {found}"


def _shipped_relative_files(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


@slow
def test_assets_and_migrations_ship_as_files(bundle: Bundle) -> None:
    assert _shipped_relative_files(bundle.internal / "assets") == _shipped_relative_files(
        ROOT / "assets"
    )
    store = ROOT / "advocate_app" / "store"
    frozen_store = bundle.internal / "advocate_app" / "store"
    assert (frozen_store / "alembic.ini").is_file()
    # Alembic imports each revision from its .py file, so every one must be there as source.
    assert _shipped_relative_files(frozen_store / "migrations") == _shipped_relative_files(
        store / "migrations"
    )


def _app_code_objects(bundle: Bundle) -> dict[str, types.CodeType]:
    """The app's own modules as they ship, read from the archive inside the executable."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(bundle.exe))
    pyz_name = next(name for name, entry in archive.toc.items() if entry[-1] == "z")
    pyz = archive.open_embedded_archive(pyz_name)
    return {
        name: pyz.extract(name)
        for name in pyz.toc
        if name == "advocate_app" or name.startswith("advocate_app.")
    }


def _walk_code(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _walk_code(const)


_FORBIDDEN_NAMES = {
    "socket",
    "ssl",
    "http.client",
    "urllib.request",
    "urlopen",
    "create_connection",
    "getaddrinfo",
    "requests",
    "httpx",
    "urllib3",
    "PySide6.QtNetwork",
    "QNetworkAccessManager",
    "QTcpSocket",
    "QUdpSocket",
    "QSslSocket",
    "QHostInfo",
}
_URL = re.compile(r"\b(?:https?|ftps?|wss?)://(?!www\.w3\.org/)", re.IGNORECASE)


@slow
def test_shipped_app_code_neither_names_a_network_api_nor_a_server(bundle: Bundle) -> None:
    modules = _app_code_objects(bundle)
    source_modules = {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in (ROOT / "advocate_app").rglob("*.py")
        if "migrations" not in p.parts and p.name != "__main__.py"
    }
    assert source_modules <= set(modules), f"not in the bundle: {source_modules - set(modules)}"
    problems = []
    for name, top in modules.items():
        for code in _walk_code(top):
            problems += [f"{name}: uses {n}" for n in _FORBIDDEN_NAMES.intersection(code.co_names)]
            problems += [
                f"{name}: mentions {c!r}"
                for c in code.co_consts
                if isinstance(c, str) and _URL.search(c)
            ]
    assert problems == []


# Anything a renderer would fetch by itself: remote images, stylesheets, embeds.
_REMOTE_LOAD = re.compile(
    r"!\[[^\]]*\]\(\s*<?\s*(?:[a-z][a-z0-9+.-]*:)?//"  # Markdown image
    r"|\b(?:src|href|xlink:href|data|poster)\s*=\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:)?//"  # HTML, SVG
    r"|url\(\s*[\"']?\s*(?:[a-z][a-z0-9+.-]*:)?//|@import",  # CSS
    re.IGNORECASE,
)


@slow
def test_shipped_assets_load_nothing_remote(bundle: Bundle) -> None:
    problems = []
    for path in sorted((bundle.internal / "assets").rglob("*")):
        if path.is_file() and path.suffix.lower() in {
            ".md",
            ".toml",
            ".yaml",
            ".yml",
            ".json",
            ".svg",
            ".html",
            ".css",
            ".txt",
        }:
            for match in _REMOTE_LOAD.finditer(path.read_text(encoding="utf-8")):
                problems.append(f"{path.relative_to(bundle.internal)}: {match.group(0)}")
    assert problems == []


@slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries only")
def test_every_qt_plugin_finds_its_qt_libraries_in_the_bundle(bundle: Bundle) -> None:
    objdump = shutil.which("objdump")
    if objdump is None:
        pytest.skip("objdump (binutils) is not installed")
    qt = bundle.internal / "PySide6" / "Qt"
    shipped = {p.name for p in (qt / "lib").iterdir()}
    plugins = sorted((qt / "plugins").rglob("*.so"))
    assert any(p.name == "libqoffscreen.so" for p in plugins)
    assert any(p.name == "libqxcb.so" for p in plugins)
    missing = []
    for plugin in plugins:
        headers = subprocess.run(
            [objdump, "-p", str(plugin)], capture_output=True, text=True, check=True
        ).stdout
        for lib in re.findall(r"NEEDED\s+(\S+)", headers):
            if lib.startswith(("libQt6", "libicu")) and lib not in shipped:
                missing.append(f"{plugin.relative_to(qt)} needs {lib}")
    assert missing == []


# --- the packaging files (fast) ----------------------------------------------------------------


def test_metainfo_describes_this_app_and_version() -> None:
    path = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
    root = ET.parse(path).getroot()  # noqa: S314 - our own file
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == EXE_NAME
    assert root.find("content_rating") is not None
    assert root.findtext("description/p", "").strip()
    assert [r.get("version") for r in root.iter("release")][:1] == [VERSION]
    assert root.find("url") is None and "://" not in path.read_text(encoding="utf-8")


def test_desktop_file_starts_the_app_with_its_icon() -> None:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / "linux" / f"{APP_ID}.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == EXE_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"


def test_icons_are_one_design_in_every_format() -> None:
    icons = PACKAGING / "icons"
    svg = icons / "advocate-companion.svg"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"  # noqa: S314
    assert (ROOT / "assets" / "icons" / "advocate-companion.svg").read_bytes() == svg.read_bytes()
    png = (icons / "advocate-companion.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (icons / "advocate-companion.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    widths = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert (reserved, kind) == (0, 1) and {16, 32, 48, 256} <= widths
    assert (icons / "advocate-companion.icns").read_bytes()[:4] == b"icns"


def test_windows_installer_is_per_user_and_offline() -> None:
    text = (PACKAGING / "windows" / "advocate-companion.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.MULTILINE)
    assert re.search(r"^DefaultDirName=\{localappdata\}\\Programs\\", text, re.MULTILINE)
    assert "#ifndef AppVersion" in text
    assert "://" not in text
