"""The store-level part of the smoke test; grows as features land."""

from __future__ import annotations

from pathlib import Path

from advocate_app.store import drafts
from advocate_app.store.vault import Vault


def exercise(vault: Vault, folder: Path) -> list[str]:
    done = []
    drafts.save_draft(vault, "smoke", "draft text")
    assert drafts.load_draft(vault, "smoke") is not None
    done.append("draft saved and read back")
    assert vault.integrity_problems() == []
    done.append("integrity checks pass")
    return done


def demo_round_trip(folder: Path) -> list[str]:
    """Every shipped scenario played to its end and back, in a demo vault of its own."""
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
        for scenario in scenarios:
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
            done.append(f"demo scenario {scenario.id}: {scenario.step_count} steps forward "
                        "and back, ends where it began")
    finally:
        vault.close()
    return done
