"""What the trainer's screen says about a scenario: the client in one glance, and what a step
writes into the demo record, in an advocate's words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from advocate_app.demo.scenario import Scenario, date_for_day
from advocate_app.store.vocab import (
    AGE_GROUPS,
    APPOINTMENT_KINDS,
    NEED_CATEGORIES,
    NEED_STATUSES,
    TRAFFICKING_TYPES,
)
from advocate_app.ui.format import fmt_clock, fmt_date
from advocate_app.ui.qt import (
    tr,
    tr_marked,
)


def client_profile(scenario: Scenario) -> str:
    person = scenario.client
    facts = [
        person.alias,
        tr_marked(AGE_GROUPS.get(person.age_group, person.age_group)),
        tr_marked(TRAFFICKING_TYPES.get(person.trafficking_type, person.trafficking_type)),
    ]
    lines = [" · ".join(facts)]
    if person.preferred_language:
        language = tr("Language: {0}").format(person.preferred_language)
        if person.interpreter_needed:
            language += tr(", with an interpreter")
        lines.append(language)
    if person.safe_contact:
        lines.append(tr("Safe contact: {0}").format(person.safe_contact))
    return "\n".join(lines)


def step_changes(scenario: Scenario, index: int, intake: date) -> list[str]:
    """What step `index` writes, in an advocate's words (declined reads like any status)."""
    step = scenario.step(index)
    lines: list[str] = []
    if step.notes:
        lines.append(
            tr("1 note added")
            if len(step.notes) == 1
            else tr("{0} notes added").format(len(step.notes))
        )
    before = scenario.needs_state_after(index - 1)
    after = scenario.needs_state_after(index)
    for entry in step.needs:
        key = (entry.category, entry.item)
        need = after[key]
        status = tr_marked(NEED_STATUSES.get(need.status, need.status)).lower()
        if key not in before:
            category = tr_marked(NEED_CATEGORIES.get(need.category, need.category))
            line = tr("New need “{0}” ({1}): {2}").format(need.item, category, status)
        elif before[key].status != need.status:
            line = tr("Need “{0}”: now {1}").format(need.item, status)
        else:
            line = tr("Need “{0}”: updated").format(need.item)
        if entry.resource and (key not in before or before[key].resource != entry.resource):
            line += tr(", linked to {0}").format(entry.resource)
        lines.append(line)
    earlier = {(a.kind, a.day) for a in scenario.appointments_after(index - 1)}
    for appt in step.appointments:
        kind = tr_marked(APPOINTMENT_KINDS.get(appt.kind, appt.kind))
        when = fmt_date(date_for_day(intake, appt.day))
        if (appt.kind, appt.day) in earlier:
            lines.append(tr("Outcome recorded: {0}, {1}").format(kind, when))
        else:
            lines.append(
                tr("Appointment: {0}, {1} at {2}").format(kind, when, fmt_clock(appt.time or ""))
            )
    for resource in step.resources:
        lines.append(tr("Added to the resource directory: {0}").format(resource.name))
    return lines


@dataclass(frozen=True)
class StepTexts:
    """What the trainer's screen shows for one position of a scenario."""

    heading: str  # "Step 2 of 8"
    title: str
    caption: str  # over the prompt box
    prompt: str
    adds_caption: str
    adds: str  # what the step writes into the demo record, one bullet a line


def step_texts(scenario: Scenario, index: int, intake: date) -> StepTexts:
    """The texts for step `index` (-1: before step 1, the client alone)."""
    alias = scenario.client.alias
    if index < 0:
        return StepTexts(
            heading=tr("Before step 1 of {0}").format(scenario.step_count),
            title=tr("Meet {0}").format(alias),
            caption=tr("The client"),
            prompt=client_profile(scenario),
            adds_caption=tr("In the demo record now"),
            adds=tr(
                "Only the client's profile: no notes, needs or appointments yet. Press Next "
                "to play the first step."
            ),
        )
    step = scenario.step(index)
    changes = step_changes(scenario, index, intake)
    return StepTexts(
        heading=tr("Step {0} of {1}").format(index + 1, scenario.step_count),
        title=step.title,
        caption=tr("For discussion"),
        prompt=step.prompt,
        adds_caption=tr("What this step records for {0}").format(alias),
        adds="\n".join(f"• {line}" for line in changes)
        or tr("Nothing new in the record; this step is for talking."),
    )
