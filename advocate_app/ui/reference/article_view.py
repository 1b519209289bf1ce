"""One reference article on screen: its category and title, a calm "review due" notice, the
language notice (not translated yet, or the translation may be behind the English), the button
that switches between the translation and the English text, Print and Save as PDF, and the text
itself in a reading pane that opens no links and loads nothing."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date

from advocate_app.library.parsing import Article
from advocate_app.library.render import render_html
from advocate_app.library.translations import Shown
from advocate_app.ui.qt import (
    QDate,
    QHBoxLayout,
    QLocale,
    QPushButton,
    Qt,
    QTextDocument,
    QVBoxLayout,
    QWidget,
    tr,
)
from advocate_app.ui.reference.reading_pane import ReadingPane
from advocate_app.ui.widgets import hline, label


def locale_date(day: date) -> str:
    """A day in the interface's long date format."""
    return QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def article_html(article: Article, links: Iterable[str], *, title_heading: bool) -> str:
    """The article as the reading pane and the printed page show it; `links` are the slugs its
    `article:` links may point to (none on paper)."""
    return render_html(
        article,
        links,
        sources_label=tr("Sources"),
        reviewed_label=tr("Last reviewed: {0}"),
        reviewed_date_text=locale_date(article.last_reviewed),
        title_heading=title_heading,
    )


def language_notice(shown: Shown | None, english_only: bool) -> tuple[str, str]:
    """(the notice above an article, the text of the button that switches its language): both
    empty for an English article."""
    if shown is not None and shown.untranslated:
        return tr("This article is not in Spanish yet."), ""
    if shown is None or shown.source_last_reviewed is None:
        return "", ""
    reviewed = locale_date(shown.source_last_reviewed)
    if english_only:
        return (
            tr("The English version, last reviewed on {0}.").format(reviewed),
            tr("Show the translation"),
        )
    if shown.stale:
        return (
            tr(
                "The English version was reviewed after this translation (last on "
                "{0}): it may be out of date."
            ).format(reviewed),
            tr("Show the English version"),
        )
    return (
        tr("Translated from the English version reviewed on {0}.").format(reviewed),
        tr("Show the English version"),
    )


def printable_document(parent: QWidget, article: Article, *, mark: str = "") -> QTextDocument:
    """The article as printed or saved as PDF, in a fresh document: the title as a heading, no
    links (they lead nowhere on paper); `mark` (the demo window's) is printed above it."""
    document = QTextDocument(parent)
    document.setDocumentMargin(0)
    body = article_html(article, (), title_heading=True)
    if mark:
        # The demo window marks everything it prints, even public reference text.
        escaped = html.escape(mark)
        body = f"<p style='font-size:16pt; font-weight:bold; color:#555555'>{escaped}</p>" + body
    document.setHtml(body)
    return document


class ArticleView(QWidget):
    """The right-hand page of the reference screen while an article is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 12, 12, 12)
        layout.setSpacing(6)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.category_label = label("", "hint")
        self.article_title = label("", "title")
        # Said plainly, without alarm: the article is still worth reading, its facts need a check.
        self.review_notice = label("", "hint")
        self.review_notice.setAccessibleName(tr("Review due"))
        self.review_notice.hide()
        # In Spanish: the article is not translated yet, or its translation may be behind the
        # English text, and when the English source was last reviewed.
        self.language_notice = label("", "hint")
        self.language_notice.setWordWrap(True)
        self.language_notice.hide()
        titles.addWidget(self.category_label)
        titles.addWidget(self.article_title)
        titles.addWidget(self.review_notice)
        titles.addWidget(self.language_notice)
        header.addLayout(titles, 1)
        self.other_language_button = QPushButton()
        self.other_language_button.setAccessibleDescription(
            tr("Shows this article in the other language; the list stays as it is.")
        )
        self.other_language_button.hide()
        header.addWidget(self.other_language_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.print_button = QPushButton(tr("Print…"))
        self.print_button.setAccessibleName(tr("Print article"))
        self.print_button.setAccessibleDescription(
            tr("Opens the print dialog for the article shown, without its links.")
        )
        self.pdf_button = QPushButton(tr("Save as PDF…"))
        self.pdf_button.setAccessibleName(tr("Save article as PDF"))
        self.pdf_button.setAccessibleDescription(
            tr("Asks where to save the article shown as a PDF file.")
        )
        header.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(header)
        layout.addWidget(hline())
        self.browser = ReadingPane()
        self.browser.setAccessibleName(tr("Article text"))
        self.browser.setAccessibleDescription(
            tr(
                "The text of the article chosen in the list. A link to another reference "
                "article opens it here; nothing is opened on the internet."
            )
        )
        layout.addWidget(self.browser, 1)

    def show_article(
        self, article: Article, links: Iterable[str], today: date, notice: tuple[str, str]
    ) -> None:
        """Show `article` from its top; `notice` comes from `language_notice`."""
        self._set_language_notice(*notice)
        self.category_label.setText(article.category)
        self.article_title.setText(article.title)
        if article.review_due(today):
            self.review_notice.setText(
                tr(
                    "Review due: this article was last reviewed on {0}. Laws, programs and phone "
                    "numbers may have changed since; check its sources before relying on them."
                ).format(locale_date(article.last_reviewed))
            )
            self.review_notice.show()
        else:
            self.review_notice.setText("")
            self.review_notice.hide()
        self.browser.setHtml(article_html(article, links, title_heading=False))
        self.browser.verticalScrollBar().setValue(0)

    def _set_language_notice(self, notice: str, button: str) -> None:
        self.language_notice.setText(notice)
        self.language_notice.setAccessibleName(notice)
        self.language_notice.setVisible(bool(notice))
        self.other_language_button.setText(button)
        self.other_language_button.setAccessibleName(button)
        self.other_language_button.setVisible(bool(button))

    def set_can_print(self, can: bool) -> None:
        self.print_button.setEnabled(can)
        self.pdf_button.setEnabled(can)
