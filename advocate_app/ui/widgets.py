"""Small building blocks shared by every screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from advocate_app.i18n import QT_TR_NOOP
from advocate_app.ui import qt
from advocate_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
    Signal,
    set_by_value,
    tr,
    tr_marked,
)

# Classes only some screens use are looked up on first use (`qt.QMessageBox`): PySide makes a
# class and its enums when first touched, and the unlock window must not wait for them. The Qt
# namespace too (`qt.Qt`): what the unlock window sets from it is set by value (qt.PLAIN_TEXT).
if TYPE_CHECKING:
    from advocate_app.ui.qt import (
        QAccessibleEvent,
        QFrame,
        QGroupBox,
        QListWidget,
        QListWidgetItem,
        QPaintEvent,
        QResizeEvent,
        QScrollBar,
        QSize,
    )


def label(text: str, role: str | None = None, *, wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    set_by_value(widget, "textFormat", qt.PLAIN_TEXT)  # nothing a person typed is ever rich text
    if role:
        widget.setProperty("role", role)
    return widget


def primary_button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("role", "primary")
    button.setDefault(True)
    button.setAutoDefault(True)
    return button


def passphrase_field(accessible_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    # Keep passphrases out of any input-method history or prediction.
    set_by_value(field, "inputMethodHints", qt.PASSPHRASE_HINTS)
    return field


class Page(QWidget):
    """A centered column with a title: first run, set-up, unlock and similar screens."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = _Column()
        column.setMaximumWidth(640)
        self.body = QVBoxLayout(column)
        self.body.setSpacing(12)
        self.body.addStretch(1)
        self.title_label = label(title, "title")
        self.body.addWidget(self.title_label)
        if subtitle:
            self.body.addWidget(label(subtitle, "hint"))
        outer.addWidget(column, 3)
        outer.addStretch(1)

    def finish(self) -> None:
        self.body.addStretch(2)

    def add_language_choice(self) -> LanguageChooser:
        """Español / English above the title: before any vault exists, the person chooses."""
        chooser = LanguageChooser()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(chooser.label_widget)
        row.addWidget(chooser)
        self.body.insertLayout(1, row)
        self.language_choice = chooser
        return chooser


class _Column(QWidget):
    """A Page's column: at least COLUMN_LEAST wide (wrapped sentences would let it narrow to a
    word), and never narrower than its own rows need. A fixed minimum width overrode that: in
    Spanish at 150% the unlock buttons need about 530 pixels, the column was given 483, and
    "Usar la clave de recuperación" was cut at both ends."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return qt.QSize(max(COLUMN_LEAST, hint.width()), hint.height())


COLUMN_LEAST = 420


class LanguageChooser(QComboBox):
    """Español / English, each in its own language; `chosen` carries "es" or "en"."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        from advocate_app.ui.language import CHOICES, current_language

        super().__init__(parent)
        for code, name in CHOICES:
            self.addItem(name, code)
        self.setCurrentIndex(max(0, self.findData(current_language())))
        # Both words, so a person who reads only one of the two languages finds it.
        self.label_widget = QLabel(
            tr("&Language") + " / Idioma"
            if current_language() == "en"
            else tr("&Language") + " / Language"
        )
        self.label_widget.setBuddy(self)
        self.setAccessibleName(tr("Language"))
        self.setAccessibleDescription(
            tr("Switches the whole app between English and Spanish at once; typed text stays.")
        )
        self.activated.connect(lambda index: self.chosen.emit(str(self.itemData(index))))


class StrengthMeter(QWidget):
    """zxcvbn's score as a bar plus words: meaning never carried by color alone."""

    WORDS = [
        QT_TR_NOOP("Very weak"),
        QT_TR_NOOP("Weak"),
        QT_TR_NOOP("Fair"),
        QT_TR_NOOP("Strong"),
        QT_TR_NOOP("Very strong"),
    ]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = qt.QProgressBar()
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.bar.setAccessibleName(tr("Passphrase strength"))
        self.words = label("", "hint", wrap=False)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.words)
        self.set_score(None)

    def set_score(self, score: int | None) -> None:
        if score is None:
            self.bar.setValue(0)
            self.words.setText(tr("Strength: type a passphrase"))
            return
        self.bar.setValue(score)
        self.words.setText(tr("Strength: {0}").format(tr_marked(self.WORDS[score])))


def hline() -> QFrame:
    line = qt.QFrame()
    line.setFrameShape(qt.QFrame.Shape.HLine)
    line.setFrameShadow(qt.QFrame.Shadow.Sunken)
    return line


def confirm(parent: QWidget, title: str, text: str, action: str) -> bool:
    """A question whose yes-button names the action ("Remove user", not "OK")."""
    box = qt.QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(qt.QMessageBox.Icon.Question)
    yes = box.addButton(action, qt.QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Cancel"), qt.QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget, title: str, text: str) -> None:
    box = qt.QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(qt.QMessageBox.Icon.Information)
    box.addButton(tr("Close"), qt.QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def announce(widget: QWidget) -> None:
    """Tell a screen reader that widget's text changed and should be read out now: a status
    line ("Saved", an error, a backup's outcome) is not focused, so without an event a person
    who cannot see it never hears it. The name changes (a label's accessible name is its text),
    and an alert asks the reader to speak it at once."""
    if not widget.accessibleName() and isinstance(widget, QLabel) and not widget.text():
        return  # a status line being cleared: nothing to say
    for kind in (qt.QAccessible.Event.NameChanged, qt.QAccessible.Event.Alert):
        send_accessibility_event(qt.QAccessibleEvent(widget, kind))


def send_accessibility_event(event: QAccessibleEvent) -> None:
    """The one door to the screen reader (tests listen here)."""
    qt.QAccessible.updateAccessibility(event)


class StatusLine(QLabel):
    """A label that shows live status ("Saved", "Search failed", an error) and announces each
    new text to a screen reader (see announce)."""

    def setText(self, text: str) -> None:
        super().setText(text)
        if text:
            announce(self)


class ElidingLabel(QLabel):
    """One line of plain text (an office's or a person's name) that gives way when the window
    is narrow: cut with "…" rather than pushing the window wider than the screen. text() and a
    screen reader keep the whole text; the tooltip shows it whenever it is cut."""

    elides = True  # cut on purpose (the layout checks in tests/ui/layout_walk.py know this)

    def __init__(self, text: str = "", role: str | None = None, *, keep: int = 4) -> None:
        """keep: the characters always shown before the "…" (the rest of a row gives way
        first)."""
        super().__init__(text)
        self.keep = keep
        set_by_value(self, "textFormat", qt.PLAIN_TEXT)
        if role:
            self.setProperty("role", role)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        text = self.text()
        shortest = text[: self.keep] + "…" if len(text) > self.keep else text
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(shortest) + margins.left() + margins.right()
        return qt.QSize(min(hint.width(), width), hint.height())

    def _cut(self) -> bool:
        return self.contentsRect().width() < self.fontMetrics().horizontalAdvance(self.text())

    def _update_tooltip(self) -> None:
        self.setToolTip(self.text() if self._cut() else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._cut():
            super().paintEvent(event)
            return
        rect = self.contentsRect()
        painter = qt.QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            rect,
            int(self.alignment()),
            self.fontMetrics().elidedText(
                self.text(), qt.Qt.TextElideMode.ElideRight, rect.width()
            ),
        )
        painter.end()


class PageStack(qt.QStackedWidget):
    """A stack of pages that asks for the room its current page needs, not the largest of all
    its pages (QStackedWidget's way): once a wide page had been shown (a client's record), every
    other page would scroll sideways on a narrow window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint().expandedTo(self.minimumSizeHint()) if page else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        # As a layout takes a widget's least size: set by the code, else its own hint.
        hint, least = page.minimumSizeHint(), page.minimumSize()
        return qt.QSize(least.width() or hint.width(), least.height() or hint.height())


def status_line(text: str = "", role: str | None = "hint", *, wrap: bool = True) -> StatusLine:
    widget = StatusLine(text)
    widget.setWordWrap(wrap)
    set_by_value(widget, "textFormat", qt.PLAIN_TEXT)
    if role:
        widget.setProperty("role", role)
    return widget


def set_message(widget: QLabel, text: str, role: str = "hint") -> None:
    """Show a status line in a role (hint, ok, error), restyle it and announce it to a screen
    reader: the one way a live message reaches the screen."""
    QLabel.setText(widget, text)
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    if text:
        announce(widget)


def add_rich_item(list_widget: QListWidget, html_text: str, *, indent: int = 8) -> QListWidgetItem:
    """A list row showing escaped rich text (a snippet with <b> matches), sized to fit."""
    item = qt.QListWidgetItem()
    view = QLabel(html_text)
    view.setTextFormat(qt.Qt.TextFormat.RichText)
    view.setWordWrap(True)
    view.setContentsMargins(indent, 4, 6, 4)
    list_widget.addItem(item)
    list_widget.setItemWidget(item, view)
    width = max(200, list_widget.viewport().width() - 24)
    item.setSizeHint(qt.QSize(width, view.heightForWidth(width) + 8))
    return item


def add_form_rows(form: QFormLayout, rows: Iterable[tuple[str, QWidget]]) -> None:
    """Label and field pairs; each label's buddy is its field, so Alt+letter reaches it."""
    for text, widget in rows:
        lab = QLabel(text)
        lab.setBuddy(widget)
        form.addRow(lab, widget)


class AdaptiveSplitter(QSplitter):
    """Side by side when there is room, one above the other on a narrow screen (1280×720 at
    150% leaves about 850 pixels), so neither side is squeezed into unreadable slivers or cut
    off at the window's edge.

    narrow_below: the width under which the parts go one above the other; None: whenever side
    by side they would not fit (their least widths together). Then the splitter asks for no
    more width than its widest part: a scroll area holding it gives it less, and it goes one
    above the other rather than scroll sideways."""

    def __init__(self, narrow_below: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(qt.Qt.Orientation.Horizontal, parent)
        self.narrow_below = narrow_below
        self.setChildrenCollapsible(False)

    def _least_widths(self) -> list[int]:
        parts = (self.widget(index) for index in range(self.count()))
        return [
            max(part.minimumSizeHint().width(), part.minimumWidth())
            for part in parts
            if part is not None and not part.isHidden()
        ]

    def _threshold(self) -> int:
        if self.narrow_below is not None:
            return self.narrow_below
        widths = self._least_widths()
        return sum(widths) + max(0, len(widths) - 1) * self.handleWidth()

    def _fit(self, width: int) -> None:
        wanted = (
            qt.Qt.Orientation.Vertical
            if width < self._threshold()
            else qt.Qt.Orientation.Horizontal
        )
        if wanted != self.orientation():
            self.setOrientation(wanted)
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.narrow_below is not None or self.orientation() == qt.Qt.Orientation.Vertical:
            return hint
        return qt.QSize(max(self._least_widths(), default=hint.width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def event(self, event: qt.QEvent) -> bool:
        handled = super().event(event)
        # A part asks for more or less room (a record's wider tab shown): side by side may
        # fit no longer, or again, at the same width.
        if event.type() == qt.QEvent.Type.LayoutRequest and self.narrow_below is None:
            self._fit(self.width())
        return handled


def settle_layouts(passes: int = 4) -> None:
    """The layout requests waiting handled now, and those they make in turn, up to `passes`
    rounds, rather than a pass of the event loop each: before a widget's first paint, so that
    it is painted once, where it stays. A pane whose height follows its wrapped lines (the note
    box) asks for more room once it has its width: a record on a narrow window took two."""
    for _ in range(passes):
        qt.QCoreApplication.sendPostedEvents(None, qt.QEvent.Type.LayoutRequest)


def wrapped_lines_height(widget: QWidget) -> int | None:
    """The least height a widget's layout needs at its present width, its wrapped lines
    counted (Qt's minimum size hint counts one line each); None if nothing in it wraps."""
    layout = widget.layout()
    if layout is None or not layout.hasHeightForWidth() or widget.width() <= 0:
        return None
    return int(layout.totalMinimumHeightForWidth(widget.width()))


class WrappingPane(QWidget):
    """A splitter pane whose minimum height counts its wrapped lines at its present width.

    QSplitter asks only minimumSizeHint(), which a layout with wrapped labels computes for
    one line each; when narrow (a small screen at 150%, longer Spanish sentences), the pane got
    less height than its parts need and they were drawn over one another.
    """

    def minimumSizeHint(self) -> qt.QSize:
        hint = super().minimumSizeHint()
        needed = wrapped_lines_height(self)
        if needed is not None:
            hint.setHeight(max(hint.height(), needed))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped lines, hence the minimum, follow the width


def readable_width(dialog: QWidget, chars: int = 60) -> None:
    """Give a dialog room for its wrapped sentences (a too-narrow dialog cuts their last lines
    off), but never more than the screen; and the height they need at the width it gets."""
    wanted = dialog.fontMetrics().averageCharWidth() * chars
    screen = dialog.screen()
    if screen is not None:
        wanted = min(wanted, int(screen.availableGeometry().width() * 0.9))
    dialog.setMinimumWidth(wanted)
    dialog.installEventFilter(_WrappedHeight(dialog))


class _WrappedHeight(qt.QObject):
    """Keeps a window as tall as its wrapped sentences need at its width. Qt sizes a window
    from its minimum size hint, which does not know that text wraps to more lines when the
    window is narrow (a small screen at 200%, a Spanish sentence): the last lines were cut
    off, and the parts below drawn over them. And no taller when first shown: Qt's height is
    for its own narrower width, where the sentences took more lines (an empty band above
    the first one, at 150%)."""

    def eventFilter(self, watched: qt.QObject, event: qt.QEvent) -> bool:
        if (
            event.type() == qt.QEvent.Type.Show
            and isinstance(watched, QWidget)
            and not watched.testAttribute(qt.Qt.WidgetAttribute.WA_Resized)  # sized by Qt
            and (layout := watched.layout()) is not None
            and layout.hasHeightForWidth()
        ):
            preferred = layout.totalHeightForWidth(watched.width())
            if 0 < preferred < watched.height():
                watched.resize(watched.width(), max(preferred, watched.minimumHeight()))
        if event.type() in (qt.QEvent.Type.Show, qt.QEvent.Type.Resize) and isinstance(
            watched, QWidget
        ):
            needed = wrapped_lines_height(watched)
            if needed is not None:
                screen = watched.screen()
                if screen is not None:
                    needed = min(needed, screen.availableGeometry().height())
                if watched.minimumHeight() != needed:
                    watched.setMinimumHeight(needed)  # grows the window if it is shorter
        return False


def described_button(text: str, description: str, slot: Callable[[], object]) -> QPushButton:
    """A button that tells a screen reader what pressing it does (what is changed, what it
    asks first), not only its name."""
    button = QPushButton(text)
    button.setAccessibleDescription(description)
    button.clicked.connect(slot)
    return button


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons side by side from the left, the rest of the line empty."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def scrolling_column(owner: QWidget, name: str) -> QVBoxLayout:
    """Fill owner with a frameless scroll area (named `name` for a screen reader) and return
    the column inside it: a long page scrolls on a small screen instead of squashing."""
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setAccessibleName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    outer.addWidget(scroll)
    content = QWidget()
    scroll.setWidget(content)
    column = QVBoxLayout(content)
    column.setContentsMargins(24, 18, 24, 18)
    column.setSpacing(16)
    return column


def hinted_group(title: str, hint: str) -> tuple[QGroupBox, QVBoxLayout]:
    """A titled group that opens with a hint line; returns the group and its column."""
    group = qt.QGroupBox(title)
    column = QVBoxLayout(group)
    column.addWidget(label(hint, "hint"))
    return group, column


def scroll_when_laid_out(bar: QScrollBar, value: int) -> None:
    """Scroll `bar` to `value` now, or once its page is laid out (a page just rebuilt, as after
    a language switch, has no range yet). Once only: later pages start at the top as usual."""
    if bar.maximum() >= value:
        bar.setValue(value)
        return

    def laid_out(_low: int, high: int) -> None:
        if high > 0:
            bar.rangeChanged.disconnect(laid_out)
            bar.setValue(min(value, high))

    bar.rangeChanged.connect(laid_out)


def add_heading(layout: QVBoxLayout, title: str, explanation: str, role: str | None = None) -> None:
    """A screen's or a pane's title and the sentence or two under it that say what it is for."""
    layout.addWidget(label(title, "title"))
    layout.addWidget(label(explanation, role))
