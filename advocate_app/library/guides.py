"""The short task guides of the Help section: Markdown files shipped in assets/help/.

No Qt here: the ui shows the HTML. Raw HTML in a guide is shown as text, never as markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt


@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    body_markdown: str

    def html(self) -> str:
        body = MarkdownIt("commonmark", {"html": False}).render(self.body_markdown)
        return (
            f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
            f"<title>{html.escape(self.title)}</title></head><body>{body}</body></html>"
        )


def load_guides(folder: Path) -> list[Guide]:
    """Every guide in file-name order (01-…, 02-…); the first "# " line is the title."""
    guides = []
    try:
        paths = sorted(p for p in folder.iterdir() if p.suffix == ".md" and p.is_file())
    except OSError:
        return []
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        first = text.lstrip().partition("\n")[0]
        title = first[2:].strip() if first.startswith("# ") else path.stem
        guides.append(Guide(slug=path.stem, title=title, body_markdown=text))
    return guides
