"""Loading scenario files: read one (size and encoding checked), parse the TOML, validate it
into a Scenario; or every file of a folder, a bad one reported and skipped."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Collection
from pathlib import Path

from pydantic import ValidationError

from advocate_app.demo.scenario.errors import ScenarioError
from advocate_app.demo.scenario.messages import from_validation_error, toml_error
from advocate_app.demo.scenario.model import Scenario
from advocate_app.i18n import QT_TR_NOOP, Marked

MAX_FILE_BYTES = 1024 * 1024


def read_toml_text(path: Path, error: Callable[..., Exception]) -> str:
    """The file's text, refusing files over 1 MB (without reading them) and invalid UTF-8.

    ``error(file, message, line=...)`` builds the exception to raise.
    """
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error(
                name,
                Marked(
                    QT_TR_NOOP(
                        "the file is {0} MB; the most allowed is 1 MB. Is this the right file?"
                    ),
                    f"{size / (1024 * 1024):.1f}",
                ),
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: the file may have grown since stat().
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise error(
            name, Marked(QT_TR_NOOP("the file could not be read ({0})"), exc.strerror or str(exc))
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise error(
            name,
            Marked(
                QT_TR_NOOP(
                    "the file is larger than 1 MB, the most allowed. Is this the right file?"
                )
            ),
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(
            name,
            Marked(
                QT_TR_NOOP(
                    "the file is not valid UTF-8 text (bad byte at offset {0}, line {1}); save it "
                    "as UTF-8 in your editor"
                ),
                exc.start,
                line,
            ),
            line=line,
        ) from exc
    # Windows editors often add a byte-order mark, which tomllib rejects; it carries nothing.
    return text.removeprefix("\ufeff")


def load_scenario(path: Path, known_resources: Collection[str] | None = None) -> Scenario:
    """Read and validate one scenario file; every problem is a ScenarioError.

    ``known_resources``: names in the shipped resource directory. When given, a need's
    ``resource`` must be one of them or a resource the scenario adds; when None, names that the
    scenario does not add are not checked.
    """
    name = path.name
    text = read_toml_text(path, ScenarioError)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise toml_error(name, text, exc) from None
    try:
        return Scenario.model_validate(data, context={"known_resources": known_resources})
    except ValidationError as exc:
        raise from_validation_error(name, exc) from None


def load_scenarios(
    folder: Path, known_resources: Collection[str] | None = None
) -> tuple[list[Scenario], list[ScenarioError]]:
    """Load every *.toml in folder, in file-name order.

    A bad file is reported and skipped; the others still load. A repeated ``id`` is an error for
    the later file (by name order). A missing folder gives two empty lists.
    """
    scenarios: list[Scenario] = []
    errors: list[ScenarioError] = []
    if not folder.is_dir():
        return scenarios, errors
    first_file_for_id: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml"), key=lambda p: p.name):
        if not path.is_file():
            continue
        try:
            scenario = load_scenario(path, known_resources)
        except ScenarioError as exc:
            errors.append(exc)
            continue
        if scenario.id in first_file_for_id:
            errors.append(
                ScenarioError(
                    path.name,
                    Marked(
                        QT_TR_NOOP(
                            'the id "{0}" is already used by {1}; each scenario needs its own id'
                        ),
                        scenario.id,
                        first_file_for_id[scenario.id],
                    ),
                    field="id",
                )
            )
            continue
        first_file_for_id[scenario.id] = path.name
        scenarios.append(scenario)
    return scenarios, errors
