"""The store-level part of the smoke test: every layer exercised once, in a throwaway vault."""

from __future__ import annotations

from pathlib import Path

from advocate_app.store import drafts
from advocate_app.store.vault import Vault


def _check(condition: bool, what: str) -> None:
    if not condition:  # not assert: the frozen app may run with -O
        raise RuntimeError(f"smoke test: {what}")


def exercise(vault: Vault, folder: Path) -> list[str]:
    from datetime import date

    from advocate_app.library.shipped import shipped_library
    from advocate_app.reports.periods import QUARTER, completed_periods
    from advocate_app.reports.summary import export_pdf
    from advocate_app.store import clients, needs, notes
    from advocate_app.store.clients import ClientFields
    from advocate_app.store.search_all import search_everything

    done = []
    drafts.save_draft(vault, "smoke", "draft text")
    _check(drafts.load_draft(vault, "smoke") is not None, "draft not read back")
    done.append("draft saved and read back")
    client_id = clients.create_client(
        vault, ClientFields(alias="Smoke Client", intake_date=date.today())
    )
    notes.add_note(vault, client_id, "contact", "Smoke test note about a bus pass.")
    needs.add_need(vault, client_id, "transportation", "Bus pass")
    done.append("client, note and need added")
    results = search_everything(vault, shipped_library().index, "bus pass")
    _check(bool(results.groups["note"]), "the note was not found")
    _check(bool(results.groups["article"]), "the reference was not searchable")
    done.append("search finds the note and the reference")
    quarter = next(p for p in completed_periods(date.today()) if p.kind == QUARTER)
    out = folder / "summary.pdf"
    export_pdf(vault, quarter, out, overwrite=True)
    _check(out.read_bytes().startswith(b"%PDF"), "the summary PDF was not written")
    done.append("anonymized summary PDF rendered")
    _check(vault.integrity_problems() == [], "integrity check failed")
    done.append("integrity checks pass")
    return done


def demo_round_trip(folder: Path, limit: int | None = None) -> list[str]:
    """Every shipped scenario (or the first `limit`) played to its end and back, in a demo vault."""
    from advocate_app.demo.engine import DemoSession, demo_snapshot, open_demo_vault
    from advocate_app.demo.scenario import load_scenarios
    from advocate_app.paths import assets_dir

    scenarios, errors = load_scenarios(assets_dir() / "scenarios")
    if errors or not scenarios:
        raise RuntimeError(f"scenario files did not load: {len(errors)} problem(s)")
    done = []
    vault = open_demo_vault(folder / "demo")
    try:
        if not vault.is_demo:
            raise RuntimeError("the demo vault is not marked as a demo")
        session = DemoSession(vault, scenarios)
        start = demo_snapshot(vault)
        for scenario in scenarios[:limit]:
            session.select(scenario.id)
            while session.next():
                pass
            if session.step_index() != scenario.step_count - 1:
                raise RuntimeError(f"{scenario.id} stopped before its last step")
            if demo_snapshot(vault) == start:
                raise RuntimeError(f"{scenario.id} wrote nothing")
            while session.back():
                pass
            if demo_snapshot(vault) != start:
                raise RuntimeError(f"{scenario.id} did not end where it began")
            done.append(
                f"demo scenario {scenario.id}: {scenario.step_count} steps forward "
                "and back, ends where it began"
            )
    finally:
        vault.close()
    return done
