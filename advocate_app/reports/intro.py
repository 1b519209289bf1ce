"""The words every format of the summary opens with (PDF, HTML, plain text): its title, what it
contains, why it identifies no one, and how small numbers are hidden. One copy, so the formats
can only say the same thing."""

from __future__ import annotations

from datetime import date

from advocate_app.reports.anonymize import PublishedSummary
from advocate_app.reports.periods import MONTH_NAMES

TITLE = "Anonymized summary"
LANGUAGE = "en-US"  # the summary's words are English (the PDF, HTML and text all say so)
DEMO_TEXT = "DEMO — fictional data"


def long_date(d: date) -> str:
    # Spelled out by hand: strftime's month names follow the process locale.
    return f"{MONTH_NAMES[d.month - 1]} {d.day}, {d.year}"


def subject(summary: PublishedSummary) -> str:
    """The document's subject (PDF metadata, HTML description): the period, never a person."""
    return f"Anonymized counts for {summary.period_label}"


def prepared_line(summary: PublishedSummary) -> str:
    return f"Prepared on {long_date(summary.generated_on)}"


def demo_warning() -> str:
    return (f"{DEMO_TEXT}. This summary comes from the training vault. It describes made-up "
            "people and must not be used as a real report.")


def sections(summary: PublishedSummary) -> list[tuple[str, str]]:
    """(heading, paragraph) in reading order, before the tables."""
    k, marker = summary.k, summary.marker
    return [
        ("What this report contains",
         "Counts for the period above, for funders and the board: the people served and "
         "anonymous contacts; trafficking type and age group; survivors' needs by category "
         "and status, including needs a survivor chose to decline; referrals by kind of "
         "resource; appointments and court dates, with or without an advocate; and the people "
         "who received each group of VOCA services, as recorded on notes."),
        ("It holds no client-identifying information",
         "There are no names or aliases, no note text, no exact dates and no free text from "
         "client records: only counts, and the category names built into Advocate "
         "Companion. The period is whole months."),
        ("How small numbers are hidden",
         f"This summary uses k = {k}, the office's setting. A count from 1 to {k - 1} is "
         "never printed, because a small number can point to a particular person in a small "
         "community. Some larger counts are hidden too, so that no hidden count can be "
         "worked out from the totals or from this office's other summaries. Every hidden "
         f"count is printed as “{marker}”: hidden to protect privacy; it may be 0, small or "
         "large."),
    ]


def points(summary: PublishedSummary) -> tuple[str, ...]:
    """The explanation's further points (the first is said in `sections`)."""
    return summary.explanation[1:]
