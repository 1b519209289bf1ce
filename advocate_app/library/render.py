"""An article as HTML for the reading pane: safe to show as Qt rich text.

Rendering never produces a link or image that could make Qt load anything: only `article:`
links between our own articles survive; other links become their text and images their alt text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from advocate_app.library.parsing import (
    Article,
    article_link_slug,
    markdown_parser,
    without_title_heading,
)

ARTICLE_SCHEME = "article"
_SHORT_CELL = 24  # table columns whose cells all fit in this many characters never wrap


_CSS = """
body { font-size: medium; }
h1 { font-size: x-large; font-weight: 600; margin-top: 0; margin-bottom: 12px; }
h2 { font-size: large; font-weight: 600; margin-top: 20px; margin-bottom: 8px; }
h3, h4, h5, h6 { font-size: medium; font-weight: 600; margin-top: 16px; margin-bottom: 6px; }
p { margin-top: 0; margin-bottom: 10px; line-height: 130%; }
li { margin-bottom: 4px; line-height: 130%; }
ul, ol { margin-top: 0; margin-bottom: 10px; }
table { border-collapse: collapse; margin-top: 6px; margin-bottom: 14px; }
th, td { border: 1px solid #8a8a8a; padding: 6px; vertical-align: top; }
th { font-weight: 600; text-align: left; }
code, pre { font-family: monospace; }
blockquote { margin-left: 16px; }
p.reviewed { margin-top: 12px; }
"""


def _render_link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    token = tokens[idx]
    slug = article_link_slug(str(token.attrGet("href") or ""))
    allowed = env.setdefault("_links", [])
    if slug is not None and slug in env["known_slugs"]:
        allowed.append(True)
        return f'<a href="{ARTICLE_SCHEME}:{html.escape(slug)}">'
    # Anything else (http, mailto, file, a missing article…) stays plain text.
    allowed.append(False)
    return ""


def _render_link_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    stack = env.setdefault("_links", [])
    return "</a>" if stack and stack.pop() else ""


def _render_image(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # Never an <img>: that could make Qt load a file or a remote address. Alt text only.
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env)
    return html.escape(alt, quote=False)


def _render_table_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    # QTextDocument honours these attributes more reliably than CSS borders.
    _set_column_widths(tokens, idx)
    return '<table border="1" cellspacing="0" cellpadding="6" width="100%">\n'


def _set_column_widths(tokens: Sequence[Token], start: int) -> None:
    """Give wordy columns more room: Qt otherwise splits a table's width nearly evenly."""
    lengths: dict[int, list[int]] = {}
    headers: dict[int, Token] = {}
    column = 0
    for i in range(start + 1, len(tokens)):
        token = tokens[i]
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            column = 0
        elif token.type in ("th_open", "td_open"):
            if token.type == "th_open":
                headers.setdefault(column, token)
            inline = tokens[i + 1] if i + 1 < len(tokens) else None
            text = inline.content if inline is not None and inline.type == "inline" else ""
            lengths.setdefault(column, []).append(len(text))
            column += 1
    if not headers or len(headers) != len(lengths):
        return
    # Widths in characters of a ~95-character reading column: short columns (a statute, a
    # phone number) get exactly their room so they never wrap, wordy ones share the rest.
    budget = 95.0
    short = {c: max(v) * 1.2 + 3.0 for c, v in lengths.items() if max(v) <= _SHORT_CELL}
    wordy = {c: min(max(sum(v) / len(v), 10.0), 70.0) for c, v in lengths.items() if c not in short}
    rest = budget - sum(short.values())
    if wordy and rest >= 20.0 * len(wordy):
        chars = dict(short)
        chars.update({c: rest * w / sum(wordy.values()) for c, w in wordy.items()})
    else:
        both = {**short, **wordy}
        chars = {c: budget * w / sum(both.values()) for c, w in both.items()}
    total = sum(chars.values())
    for c, token in headers.items():
        token.attrSet("width", f"{round(100 * chars[c] / total)}%")


def _renderer() -> MarkdownIt:
    md = markdown_parser()
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("table_open", _render_table_open)
    return md


def render_html(
    article: Article,
    known_slugs: Iterable[str],
    *,
    sources_label: str = "Sources",
    reviewed_label: str = "Last reviewed: {0}",
    reviewed_date_text: str | None = None,
    title_heading: bool = True,
) -> str:
    """A small HTML document for QTextBrowser or printing.

    The ui passes translated labels and the date in the user's locale; the defaults are English
    and ISO dates so the store stays free of Qt. With `title_heading=False` the article's own
    first "# Title" is left out, for a screen that already shows the title above the text.
    Pass no `known_slugs` to get no links at all (for print, where a link goes nowhere).
    """
    env: dict[str, Any] = {"known_slugs": frozenset(known_slugs)}
    has_heading = article.body_markdown.lstrip().startswith("# ")
    markdown = without_title_heading(article) if has_heading else article.body_markdown
    body = _renderer().render(markdown, env)
    parts = [
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
        f"<title>{html.escape(article.title)}</title>",
        f"<style>{_CSS}</style></head><body>",
    ]
    if title_heading and has_heading:
        parts.append(_renderer().render(article.body_markdown.lstrip().partition("\n")[0], env))
    elif title_heading:
        parts.append(f"<h1>{html.escape(article.title)}</h1>")
    parts.append(body)
    parts.append(f"<h2>{html.escape(sources_label)}</h2><ul>")
    parts.extend(f"<li>{html.escape(source)}</li>" for source in article.sources)
    parts.append("</ul>")
    date_text = reviewed_date_text or article.last_reviewed.isoformat()
    parts.append(f'<p class="reviewed"><i>{html.escape(reviewed_label.format(date_text))}</i></p>')
    parts.append("</body></html>")
    return "\n".join(parts)
