"""`advocate-app summary` (the anonymized supervisor summary as PDF, HTML, text or JSON) and
`advocate-app voca` (the exact VOCA quarterly figures, printed for typing into the PMT).
Both are for supervisors only."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from advocate_app.cli.common import EXIT_OK, CliError, open_unlocked, require_supervisor


def cmd_summary(args: argparse.Namespace) -> int:
    from advocate_app.reports.formats import format_for_path
    from advocate_app.reports.output_file import OutputExists, OutputProblem
    from advocate_app.reports.periods import parse_period, require_complete
    from advocate_app.reports.summary import export_file, export_summary
    from advocate_app.store import report_settings

    if not args.json and not args.out:
        raise CliError(
            "Say where to write the summary with --out FILE.pdf (or .html, .txt), or use --json."
        )
    if args.format and not args.out:
        raise CliError("--format says how to write the file given with --out FILE.")
    vault = open_unlocked(args)
    try:
        require_supervisor(vault, "Only a supervisor can make the summary.")
        office_k = report_settings.summary_k(vault)
        if args.k is not None and args.k != office_k:
            raise CliError(
                f"This office's summaries use k = {office_k}; --k {args.k} was refused. Reports "
                "with different thresholds can be combined to uncover hidden counts, so k is "
                "changed only in Settings, by a supervisor. Leave out --k."
            )
        try:
            period = require_complete(
                parse_period(args.period, report_settings.fiscal_year_start_month(vault)),
                date.today(),
            )
        except ValueError as exc:
            raise CliError(str(exc)) from exc
        try:
            if args.out:
                out = Path(args.out)
                summary = export_file(
                    vault,
                    period,
                    out,
                    args.format or format_for_path(out),
                    overwrite=args.force,
                    language=args.language,
                )
            else:
                summary = export_summary(vault, period, language=args.language)
        except OutputExists as exc:
            raise CliError(f"{exc} Use --force to replace it. Nothing was written.") from exc
        except OutputProblem as exc:
            raise CliError(f"{exc} Nothing was written.") from exc
        except OSError as exc:
            raise CliError(
                f"The summary could not be written ({exc.strerror or 'error'}). "
                "Nothing was written; choose another place."
            ) from exc
        if args.json:
            print(summary.to_json())
    finally:
        vault.close()
    if args.out and not args.json:
        print(f"Wrote the anonymized summary for {period.label} (k = {office_k}).")
    return EXIT_OK


def cmd_voca(args: argparse.Namespace) -> int:
    from advocate_app.reports.voca import parse_quarter, quarter_figures

    try:
        period = parse_quarter(args.quarter)
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    vault = open_unlocked(args)
    try:
        require_supervisor(vault, "Only a supervisor can see the VOCA quarterly figures.")
        figures = quarter_figures(vault, period)
    finally:
        vault.close()
    print(figures.to_json() if args.json else _voca_text(figures))
    return EXIT_OK


def _voca_text(figures: object) -> str:
    """The figures as plain text, question by question in the PMT's order."""
    from advocate_app.reports.voca import VocaFigures

    assert isinstance(figures, VocaFigures)
    lines = [f"VOCA quarterly figures for {figures.period.label}"]
    if not figures.complete:
        lines.append("This quarter is not over: the figures will still change.")
    lines.append(
        f"Form: {figures.form.name}, federal FY{figures.form.federal_fiscal_year} "
        f"(checked {figures.form.checked_on})."
    )
    if not figures.form.in_force_confirmed:
        lines.append(
            "Compare with the form in the PMT before typing: this version of the "
            "questions could not be confirmed as the one in force (see "
            "assets/voca)."
        )
    for f in figures.figures:
        lines.append("")
        lines.append(f"{f.question.pmt}: {f.total}")
        for r in f.rows:
            name = f"{r.pmt_code}. {r.pmt}" if r.pmt_code else r.pmt
            indent = "  " if r.is_group or not r.pmt_code else "    "
            if r.times is None:
                lines.append(f"{indent}{name}: {r.individuals}")
            else:
                lines.append(f"{indent}{name}: {r.individuals} individuals, {r.times} times")
    return "\n".join(lines)
