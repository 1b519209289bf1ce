"""Extract the app's strings into assets/translations/advocate_es.ts and fill new ones.

    python tools/fill_ts.py [strings.json ...]

Runs pyside6-lupdate over advocate_app/ (the .ts keeps its translations; strings gone from the
code are dropped), then fills every entry still unfinished from the given JSON files (lists of
{"en": ..., "es": ...}). The .ts is the source of truth: the JSON was used once, to seed it.
Prints the entries still unfinished.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "assets" / "translations" / "advocate_es.ts"


def lupdate() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "advocate_app").rglob("*.py"))
    exe = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run(
        [
            str(exe),
            *sources,
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "es",
            "-ts",
            str(TS.relative_to(ROOT)),
        ],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def fill(table: dict[str, str]) -> list[str]:
    tree = ET.parse(TS)  # noqa: S314 (the project's own committed file)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type") != "unfinished":
            continue
        spanish = table.get(source)
        if spanish is None:
            missing.append(source)
            continue
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            one, _, many = spanish.partition("|")
            for index, form in enumerate(forms):
                form.text = one if index == 0 else (many or one)
        else:
            translation.text = spanish
        del translation.attrib["type"]
    ET.indent(tree, "    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    TS.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return missing


def main(argv: list[str]) -> int:
    table: dict[str, str] = {}
    for name in argv:
        for entry in json.loads(Path(name).read_text(encoding="utf-8")):
            if entry.get("es"):
                table.setdefault(entry["en"], entry["es"])
    lupdate()
    missing = fill(table)
    for source in missing:
        print(json.dumps(source, ensure_ascii=False))
    print(f"{len(missing)} unfinished", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
