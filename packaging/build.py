"""Freeze the app with PyInstaller into dist/ (work files in build/), then report its size.

    python packaging/build.py          # what `make package` runs

Exit status: 0 when the bundle is built and within the size budget, 1 when it is over budget,
2 when PyInstaller is missing or the build failed, 3 when the reference library is not fit to
ship (an article more than 18 months past its review date, or one that cannot be read): nothing
is built then.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "advocate-app.spec"
SIZE_BUDGET_BYTES = 200 * 1024 * 1024  # the budget for the unpacked one-folder bundle
REFERENCE_DIR = ROOT / "assets" / "reference"
# An installer never ships an article this many months past its review date (`next_review`).
REVIEW_GRACE_MONTHS = 18


def exe_name() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return next(iter(tomllib.load(fh)["project"]["scripts"]))


def display_name() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        name = tomllib.load(fh)["project"]["name"]
    return " ".join(word.capitalize() for word in name.split("-"))


def bundle_dir(dist: Path) -> Path:
    """The one folder a person installs: the .app on macOS, dist/advocate-app elsewhere."""
    if sys.platform == "darwin":
        return dist / f"{display_name()}.app"
    return dist / exe_name()


def executable(dist: Path) -> Path:
    if sys.platform == "darwin":
        return bundle_dir(dist) / "Contents" / "MacOS" / exe_name()
    suffix = ".exe" if sys.platform == "win32" else ""
    return bundle_dir(dist) / f"{exe_name()}{suffix}"


def tree_size(folder: Path) -> int:
    total = 0
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            path = Path(dirpath) / name
            if not path.is_symlink():  # macOS framework links point inside the same bundle
                total += path.stat().st_size
    return total


def reference_problems(today: dt.date, folder: Path = REFERENCE_DIR) -> list[str]:
    """Why the reference library must not ship on `today`, one sentence each; [] when it may.

    An article more than REVIEW_GRACE_MONTHS past its review date could give an advocate
    outdated law or a dead phone number; an article that cannot be read would silently be
    missing from the installed library. `today` is a parameter so tests use fixed dates.
    """
    from advocate_app.library.parsing import load_articles, too_long_past_review
    from advocate_app.library.translations import load_translations

    articles, errors = load_articles(folder)
    problems = list(errors)
    if not articles and not errors:
        problems.append(f"{folder.name}: no reference articles were found.")
    # The translations (es/) ship too: same review rule, and a file that cannot be read or
    # translates no English article would be silently missing.
    translations, more = load_translations(folder, articles)
    problems.extend(more)
    for article in too_long_past_review([*articles, *translations], today, REVIEW_GRACE_MONTHS):
        where = "" if article.language == "en" else f"{article.language}/"
        problems.append(
            f"{where}{article.slug}.md: review was due on {article.review_due_on.isoformat()}, "
            f"{article.months_past_review(today)} months before {today.isoformat()} "
            f"(the limit is {REVIEW_GRACE_MONTHS}). Review it against its sources, then set "
            "last_reviewed and next_review in its front matter."
        )
    return problems


def build_translations() -> None:
    """The Spanish .qm from the committed .ts, so the bundle (which copies assets/) carries it."""
    ts = ROOT / "assets" / "translations" / "advocate_es.ts"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
    )


def build(dist: Path, work: Path) -> int:
    build_translations()
    if importlib.util.find_spec("PyInstaller") is None:
        print(
            "build.py: PyInstaller is not installed; run `pip install -e '.[package]'`.",
            file=sys.stderr,
        )
        return 2
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    return subprocess.run(cmd, cwd=ROOT, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work",
        type=Path,
        default=ROOT / "build" / "pyinstaller",
        help="PyInstaller's work folder",
    )
    args = parser.parse_args(argv)
    problems = reference_problems(dt.date.today())
    if problems:
        print(
            "build.py: the reference library is not fit to ship; no installer was built.",
            file=sys.stderr,
        )
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 3
    if build(args.dist, args.work) != 0:
        print("build.py: PyInstaller failed; see the messages above.", file=sys.stderr)
        return 2
    bundle = bundle_dir(args.dist)
    size = tree_size(bundle)
    budget_mb = SIZE_BUDGET_BYTES / 1024 / 1024
    print(f"Bundle: {bundle}")
    print(f"Executable: {executable(args.dist)}")
    print(f"Size: {size / 1024 / 1024:.1f} MB (budget {budget_mb:.0f} MB)")
    if size >= SIZE_BUDGET_BYTES:
        print("build.py: the bundle is over its size budget.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
