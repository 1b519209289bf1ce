"""The words every format of the summary opens with (PDF, HTML, plain text): its title, what it
contains, why it identifies no one, and how small numbers are hidden. One copy, so the formats
can only say the same thing, in the summary's language (reports.language)."""

from __future__ import annotations

from advocate_app.reports.anonymize import PublishedSummary
from advocate_app.reports.language import EN, LANGUAGE_TAGS, Words

TITLE = "Anonymized summary"
LANGUAGE = LANGUAGE_TAGS[EN]  # an English summary's language tag (see language())
DEMO_TEXT = "DEMO — fictional data"


def words(summary: PublishedSummary) -> Words:
    return Words(summary.language)


def language(summary: PublishedSummary) -> str:
    """The language tag the PDF's metadata and the HTML page state ("en-US", "es-US")."""
    return words(summary).tag


def title(summary: PublishedSummary) -> str:
    return words(summary)(TITLE)


def demo_text(summary: PublishedSummary) -> str:
    """The DEMO mark (the PDF's watermark): short, so it fits across the page."""
    return words(summary)(DEMO_TEXT)


def subject(summary: PublishedSummary) -> str:
    """The document's subject (PDF metadata, HTML description): the period, never a person."""
    return words(summary)("Anonymized counts for {period}", period=summary.period_label)


def prepared_line(summary: PublishedSummary) -> str:
    w = words(summary)
    return w("Prepared on {date}", date=w.long_date(summary.generated_on))


def demo_warning(summary: PublishedSummary) -> str:
    return words(summary)(
        "{demo}. This summary comes from the training vault. It describes made-up people and "
        "must not be used as a real report.",
        demo=demo_text(summary),
    )


def sections(summary: PublishedSummary) -> list[tuple[str, str]]:
    """(heading, paragraph) in reading order, before the tables."""
    w = words(summary)
    k, marker = summary.k, summary.marker
    return [
        (
            w("What this report contains"),
            w(
                "Counts for the period above, for funders and the board: the people served and "
                "anonymous contacts; trafficking type and age group; survivors' needs by category "
                "and status, including needs a survivor chose to decline; referrals by kind of "
                "resource; appointments and court dates, with or without an advocate; and the people "
                "who received each group of VOCA services, as recorded on notes."
            ),
        ),
        (
            w("It holds no client-identifying information"),
            w(
                "There are no names or aliases, no note text, no exact dates and no free text from "
                "client records: only counts, and the category names built into Advocate "
                "Companion. The period is whole months."
            ),
        ),
        (
            w("How small numbers are hidden"),
            w(
                "This summary uses k = {k}, the office's setting. A count from 1 to {below_k} is "
                "never printed, because a small number can point to a particular person in a small "
                "community. Some larger counts are hidden too, so that no hidden count can be "
                "worked out from the totals or from this office's other summaries. Every hidden "
                "count is printed as “{marker}”: hidden to protect privacy; it may be 0, small or "
                "large.",
                k=k,
                below_k=k - 1,
                marker=marker,
            ),
        ),
    ]


def points(summary: PublishedSummary) -> tuple[str, ...]:
    """The explanation's further points (the first is said in `sections`)."""
    return summary.explanation[1:]
