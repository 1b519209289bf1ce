"""The needs checklist template file: suggested items per need category, read from TOML.

Format (assets/checklists/default.toml): one table per code in vocab.NEED_CATEGORIES, each with an
``items`` list of short texts. A category may be left out (it then suggests nothing). Errors name
the file and the line, so a supervisor who edited the file can find the mistake. When the default
file is broken the app still works: :func:`load_default_template` falls back to
:data:`BUILTIN_DEFAULTS`, the same content built in here.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from advocate_app.i18n import QT_TR_NOOP, Marked
from advocate_app.store import vocab

MAX_FILE_BYTES = 1024 * 1024
MAX_ITEM_LENGTH = 120
MAX_ITEMS_PER_CATEGORY = 50

# Keep in step with assets/checklists/default.toml (a test compares them).
BUILTIN_DEFAULTS: dict[str, list[str]] = {
    "housing": [
        "Emergency shelter",
        "Transitional housing application",
        "Rental assistance",
        "Utility deposits",
        "Relocation assistance",
        "Furniture and household goods",
    ],
    "license_id": [
        "Birth certificate",
        "Social Security card",
        "State ID card",
        "DMV fees and license restoration",
        "Address Confidentiality Program enrollment",
        "Passport or consular ID",
    ],
    "transportation": [
        "Bus pass or fare cards",
        "Gas cards",
        "Rides to appointments",
        "Car repair assistance",
        "Travel home",
    ],
    "childcare": [
        "Childcare subsidy application",
        "Emergency childcare",
        "Childcare during court dates",
        "School enrollment for children",
    ],
    "court_advocacy": [
        "Court accompaniment",
        "Protective order (50B) or no-contact order (50C)",
        "Prosecutor interview preparation",
        "Victim impact statement",
        "Restitution follow-up",
        "Custody or visitation case (family court)",
        "SAVAN registration (notice when an offender's custody changes)",
        "Court interpreter request",
    ],
    "employment": [
        "Job search support",
        "Resume and interview preparation",
        "Job training program",
        "Work clothes and tools",
        "Unpaid wages claim",
    ],
    "recovery": [
        "Substance use assessment",
        "Medication for opioid use disorder",
        "Treatment program placement",
        "Recovery housing",
        "Naloxone and overdose prevention",
    ],
    "peer_support": [
        "Survivor peer mentor",
        "Support group",
        "Culturally specific community group",
    ],
    "health_care": [
        "Medical exam",
        "Dental care",
        "Mental health counseling",
        "Sexual and reproductive health care",
        "Prescriptions",
        "Health insurance or Medicaid application",
        "Forensic medical exam after sexual assault",
        "Interpreter for medical visits",
    ],
    "legal_immigration": [
        "Immigration attorney consultation",
        "T visa application",
        "U visa certification request",
        "Continued Presence request",
        "HHS certification or eligibility letter",
        "Work authorization",
        "Civil legal consultation",
        "Criminal defense (public defender or appointed attorney)",
        "Expunction or vacatur of records from being trafficked",
    ],
    "education": [
        "High school equivalency (GED or HiSET)",
        "English classes",
        "School re-enrollment",
        "Community college application",
        "Financial aid application",
    ],
    "financial": [
        "Bank account",
        "Emergency cash assistance",
        "Crime Victims Compensation application",
        "Food and Nutrition Services application",
        "Budgeting support",
        "Credit report review (coerced debt)",
        "Food (pantry, meals or grocery card)",
        "Clothing and personal care items",
        "Phone minutes or a prepaid plan",
        "Safe phone (one only the client controls)",
    ],
}

# The shipped template's revision. A vault remembers the revision it was seeded from (or last
# brought up to); items added since then are offered to it once by needs.ensure_template, so an
# office that already exists gets new suggestions too. Revision 1 is the first shipped template.
TEMPLATE_REVISION = 2

# Items each revision added to BUILTIN_DEFAULTS (and assets/checklists/default.toml). Only
# additions: a renamed or retired item would fight a supervisor's own edits, so it never goes here.
ADDED_IN_REVISION: dict[int, dict[str, list[str]]] = {
    2: {
        "court_advocacy": [
            "Custody or visitation case (family court)",
            "SAVAN registration (notice when an offender's custody changes)",
            "Court interpreter request",
        ],
        "health_care": [
            "Forensic medical exam after sexual assault",
            "Interpreter for medical visits",
        ],
        "legal_immigration": [
            "Criminal defense (public defender or appointed attorney)",
            "Expunction or vacatur of records from being trafficked",
        ],
        "financial": [
            "Food (pantry, meals or grocery card)",
            "Clothing and personal care items",
            "Phone minutes or a prepaid plan",
            "Safe phone (one only the client controls)",
        ],
    },
}


@dataclass(frozen=True, slots=True)
class _AsWritten:
    """Text from the file (a category, an item, the TOML reader's words): shown as it is, never
    looked up for a translation (`i18n.message` translates plain text values)."""

    text: str

    def __format__(self, spec: str) -> str:
        return format(self.text, spec)


class ChecklistFileError(Exception):
    """A checklist template file that cannot be used; ``str()`` names the file and line (English).

    The reason is a QT_TR_NOOP-marked template and its values, so the sentence can be shown in
    the interface's language (`marked`) and kept in the vault as data (`to_stored`), not as
    English text.
    """

    def __init__(
        self,
        file: str,
        template: str,
        *values: str | int,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(file, template)
        self.file = file  # file name only, no folder
        self.template = template
        self.values = values
        self.message = template.format(*values) if values else template  # English
        self.line = line
        self.column = column

    @property
    def marked(self) -> Marked:
        """The whole sentence (where, then why), translated each time it is shown."""
        reason = Marked(
            self.template, *(_AsWritten(v) if isinstance(v, str) else v for v in self.values)
        )
        file = _AsWritten(self.file)
        if self.line is None:
            return Marked(QT_TR_NOOP("{0}: {1}"), file, reason)
        if self.column is None:
            return Marked(QT_TR_NOOP("{0}, line {1}: {2}"), file, self.line, reason)
        return Marked(
            QT_TR_NOOP("{0}, line {1}, column {2}: {3}"), file, self.line, self.column, reason
        )

    def to_stored(self) -> str:
        """JSON the vault keeps: the template and values, never the sentence in one language."""
        return json.dumps(
            {
                "file": self.file,
                "template": self.template,
                "values": list(self.values),
                "line": self.line,
                "column": self.column,
            }
        )

    @classmethod
    def from_stored(cls, text: str) -> ChecklistFileError | None:
        """The error kept by `to_stored`; None for anything else (an older vault's English)."""
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("template"), str):
            return None
        values = [v for v in data.get("values") or [] if isinstance(v, (str, int))]
        line, column = data.get("line"), data.get("column")
        return cls(
            str(data.get("file", "")),
            data["template"],
            *values,
            line=line if isinstance(line, int) else None,
            column=column if isinstance(column, int) else None,
        )

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
            if self.column is not None:
                where += f", column {self.column}"
        return f"{where}: {self.message}"


def _key_pattern(key: str) -> str:
    escaped = re.escape(key)
    return rf"(?:{escaped}|\"{escaped}\"|'{escaped}')"


def _category_line(lines: list[str], category: str) -> int | None:
    """1-based line where a category is defined: [category], category.items = or category = {…}."""
    key = _key_pattern(category)
    header = re.compile(rf"^\s*\[\s*{key}\s*\]")
    assignment = re.compile(rf"^\s*{key}\s*(?:\.|=)")
    for number, line in enumerate(lines, start=1):
        if header.match(line) or assignment.match(line):
            return number
    return None


def _items_line(lines: list[str], category: str) -> int | None:
    """1-based line of a category's ``items`` key, or of the category itself if not found."""
    start = _category_line(lines, category)
    if start is None:
        return None
    first = lines[start - 1]
    if re.match(rf"^\s*{_key_pattern(category)}\s*(?:\.|=)", first):
        return start  # dotted key or inline table: items is on the same line
    items = re.compile(rf"^\s*{_key_pattern('items')}\s*=")
    for number in range(start + 1, len(lines) + 1):
        line = lines[number - 1]
        if re.match(r"^\s*\[", line):
            break  # the next table begins
        if items.match(line):
            return number
    return start


def _line_containing(lines: list[str], text: str, start: int | None) -> int | None:
    if start is None:
        return None
    for number in range(start, len(lines) + 1):
        if text in lines[number - 1]:
            return number
    return start


def _read_text(path: Path) -> str:
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ChecklistFileError(
                name,
                QT_TR_NOOP("the file is {0} MB; the most allowed is 1 MB"),
                f"{size / (1024 * 1024):.1f}",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # the file may have grown since stat()
    except FileNotFoundError as exc:
        raise ChecklistFileError(name, QT_TR_NOOP("the file does not exist")) from exc
    except OSError as exc:
        raise ChecklistFileError(
            name, QT_TR_NOOP("the file could not be read ({0})"), str(exc.strerror or exc)
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ChecklistFileError(name, QT_TR_NOOP("the file is larger than 1 MB, the most allowed"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ChecklistFileError(
            name,
            QT_TR_NOOP(
                "the file is not valid UTF-8 text (bad byte at offset {0}); save it as UTF-8"
            ),
            exc.start,
            line=line,
        ) from exc
    return text.removeprefix("\ufeff")  # a byte-order mark from a Windows editor carries nothing


def parse_checklist_template(text: str, file: str) -> dict[str, list[str]]:
    """Validate checklist TOML text; ``file`` is the name used in error messages.

    Returns every category of vocab.NEED_CATEGORIES, in vocabulary order (empty when the file
    leaves one out).
    """
    lines = text.splitlines()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
        if match:
            raise ChecklistFileError(
                file,
                QT_TR_NOOP("this is not valid TOML: {0}"),
                message[: match.start()],
                line=int(match.group(1)),
                column=int(match.group(2)),
            ) from None
        reason = re.sub(r"\s*\(at end of document\)\s*$", "", message)
        raise ChecklistFileError(
            file,
            QT_TR_NOOP("this is not valid TOML: {0} (at the end of the file)"),
            reason,
            line=max(len(lines), 1),
        ) from None
    if not data:
        raise ChecklistFileError(
            file,
            QT_TR_NOOP(
                "the file has no categories; it should have one table per need category, like "
                '[housing] with items = ["Emergency shelter", ...]'
            ),
            line=1,
        )

    template: dict[str, list[str]] = {category: [] for category in vocab.NEED_CATEGORIES}
    choices = ", ".join(vocab.NEED_CATEGORIES)
    for category, table in data.items():
        if category not in vocab.NEED_CATEGORIES:
            raise ChecklistFileError(
                file,
                QT_TR_NOOP('"{0}" is not a need category (choose one of: {1})'),
                category,
                choices,
                line=_category_line(lines, category),
            )
        if not isinstance(table, dict):
            raise ChecklistFileError(
                file,
                QT_TR_NOOP('"{0}" should be a table, like [{0}] followed by items = [...]'),
                category,
                line=_category_line(lines, category),
            )
        for key in table:
            if key != "items":
                raise ChecklistFileError(
                    file,
                    QT_TR_NOOP('"{0}" is not understood in [{1}]; the only key is "items"'),
                    key,
                    category,
                    line=_line_containing(lines, key, _category_line(lines, category)),
                )
        items_line = _items_line(lines, category)
        if "items" not in table:
            raise ChecklistFileError(
                file,
                QT_TR_NOOP('[{0}] has no "items" list'),
                category,
                line=_category_line(lines, category),
            )
        items = table["items"]
        if not isinstance(items, list):
            raise ChecklistFileError(
                file,
                QT_TR_NOOP(
                    '"items" in [{0}] should be a list in square brackets, '
                    'like items = ["First item", "Second item"]'
                ),
                category,
                line=items_line,
            )
        if len(items) > MAX_ITEMS_PER_CATEGORY:
            raise ChecklistFileError(
                file,
                QT_TR_NOOP("[{0}] has {1} items; at most {2} are allowed"),
                category,
                len(items),
                MAX_ITEMS_PER_CATEGORY,
                line=items_line,
            )
        seen: set[str] = set()
        for item in items:
            if not isinstance(item, str):
                raise ChecklistFileError(
                    file,
                    QT_TR_NOOP("every item in [{0}] should be text in quotes, not {1}"),
                    category,
                    repr(item),
                    line=_line_containing(lines, str(item), items_line),
                )
            cleaned = " ".join(item.split())
            line = _line_containing(lines, item, items_line)
            if not cleaned:
                raise ChecklistFileError(
                    file, QT_TR_NOOP("[{0}] has an empty item"), category, line=line
                )
            if len(cleaned) > MAX_ITEM_LENGTH:
                raise ChecklistFileError(
                    file,
                    QT_TR_NOOP("an item in [{0}] is {1} characters long; at most {2} are allowed"),
                    category,
                    len(cleaned),
                    MAX_ITEM_LENGTH,
                    line=line,
                )
            if cleaned.casefold() in seen:
                raise ChecklistFileError(
                    file,
                    QT_TR_NOOP('"{0}" is listed twice in [{1}]'),
                    cleaned,
                    category,
                    line=line,
                )
            seen.add(cleaned.casefold())
            template[category].append(cleaned)
    return template


def load_checklist_template(path: Path) -> dict[str, list[str]]:
    """Read and validate a checklist template file; raises ChecklistFileError."""
    return parse_checklist_template(_read_text(path), path.name)


def load_default_template(
    path: Path,
) -> tuple[dict[str, list[str]], ChecklistFileError | None]:
    """The default template, or the built-in one plus the reason the file could not be used.

    The app shows the error to a supervisor and carries on: a broken file must never stop an
    advocate from recording needs.
    """
    try:
        return load_checklist_template(path), None
    except ChecklistFileError as exc:
        return copy.deepcopy(BUILTIN_DEFAULTS), exc
