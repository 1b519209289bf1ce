"""The main window's content once unlocked: navigation on the left, the section on the right,
the search box always at the top, and the Lock button."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from advocate_app.ui.qt import (
    QEvent,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QObject,
    QPushButton,
    QScrollArea,
    QShortcut,
    QSize,
    QSizePolicy,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.roles import KEY_ROLE
from advocate_app.ui.widgets import ElidingLabel, PageStack


class Section(QWidget):
    """One entry of the left navigation. Subclasses set `title` and override the hooks."""

    title = ""

    def on_show(self) -> None:
        """Called each time the section becomes visible: refresh what may have changed."""

    def location(self) -> dict[str, object]:
        """Small, non-sensitive state (ids, slugs) to come back to after an unlock."""
        return {}

    def restore_location(self, loc: dict[str, object]) -> None:
        """Go back to a place returned by location()."""

    def collect_drafts(self) -> None:
        """Save any unsaved text as encrypted drafts (called before a lock)."""


class Sections(Mapping[str, Section]):
    """The shell's sections by key, in navigation order. A section added with a factory is
    built the first time anything asks for it (shown, searched into, restored after an
    unlock): unlocking builds only Today, so Today is on screen sooner."""

    def __init__(self, shell: Shell) -> None:
        self._shell = shell
        self._order: list[str] = []
        self._built: dict[str, Section] = {}
        self._factories: dict[str, Callable[[], Section]] = {}

    def add(self, key: str, section: Section | None, factory: Callable[[], Section] | None) -> None:
        self._order.append(key)
        if section is not None:
            self._built[key] = section
        elif factory is not None:
            self._factories[key] = factory

    def __getitem__(self, key: str) -> Section:
        section = self._built.get(key)
        if section is None:
            section = self._factories[key]()  # KeyError for an unknown key, as a dict
            del self._factories[key]  # only once built: a failed build is tried again
            self._built[key] = section
            self._shell.stack.addWidget(section)
        return section

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, key: object) -> bool:
        return key in self._order

    def remove(self, key: str) -> None:
        """Forget a section not built yet (a shell built before the vault said who unlocked)."""
        if key in self._built:
            raise ValueError(f"section {key!r} is built already")
        self._order.remove(key)
        self._factories.pop(key, None)

    def built(self) -> dict[str, Section]:
        """The sections built so far (the others hold nothing: no drafts, no state)."""
        return dict(self._built)


# The search line's narrowest: its placeholder ("Search everything (Ctrl+K)") whole, in both
# languages. It grows with the window.
SEARCH_AT_LEAST = 240


class Shell(QWidget):
    lock_requested = Signal()
    shortcuts_requested = Signal()  # Ctrl+/

    def __init__(self, office_name: str = "", user_name: str = "", role_label: str = "") -> None:
        """The names may come later (set_identity): the shell is built while the key is
        derived, before the vault says whose it is."""
        super().__init__()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        top = QFrame()
        top.setObjectName("TopBar")
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(12, 8, 12, 8)
        # The names give way when the window is narrow (ElidingLabel): the top bar fits the
        # window's narrowest width, so the Lock button never scrolls out of sight.
        self.where = ElidingLabel(office_name, "subtitle")
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Search everything (Ctrl+K)"))
        self.search.setAccessibleName(tr("Search everything"))
        self.search.setAccessibleDescription(
            tr(
                "Searches clients, notes, the office's resources and the reference library; "
                "press Enter to see the results. Ctrl+K comes here from anywhere."
            )
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(SEARCH_AT_LEAST)
        # Who is signed in stays readable (on a shared computer, the way to notice being
        # signed in as someone else): the office's name gives way first.
        self.who = ElidingLabel(tr("{0} · {1}").format(user_name, role_label), "hint", keep=24)
        self.lock_button = QPushButton(tr("Lock"))
        self.lock_button.setToolTip(tr("Lock now (Ctrl+L). Unsaved text is kept as a draft."))
        self.lock_button.setAccessibleName(tr("Lock"))
        self.lock_button.setAccessibleDescription(
            tr(
                "Locks the app at once (Ctrl+L): every screen is hidden until a passphrase is "
                "typed. Unsaved text is kept as an encrypted draft."
            )
        )
        self.lock_button.clicked.connect(self.lock_requested)
        top_row.addWidget(self.where)
        top_row.addSpacing(16)
        top_row.addWidget(self.search, 1)
        top_row.addStretch(0)
        top_row.addSpacing(16)
        top_row.addWidget(self.who)
        top_row.addWidget(self.lock_button)
        outer.addWidget(top)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("Navigation")
        self.nav.setAccessibleName(tr("Sections"))
        self.nav.setAccessibleDescription(
            tr(
                "The parts of the app. Arrow keys move between them and show each one; "
                "Ctrl+1 to Ctrl+9 go straight to one, F1 opens Help."
            )
        )
        self.nav.setFixedWidth(150)  # widened to the longest section name in add_section
        self.nav.setIconSize(QSize(0, 0))
        self.nav.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = PageStack()
        # A screen too small for a section scrolls it rather than squashing its forms.
        self.section_scroll = QScrollArea()
        self.section_scroll.setAccessibleName(tr("Section"))
        self.section_scroll.setWidget(self.stack)
        self.section_scroll.setWidgetResizable(True)
        self.section_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        body.addWidget(self.nav)
        body.addWidget(self.section_scroll, 1)
        outer.addLayout(body, 1)
        self.sections = Sections(self)
        self._empty: QWidget | None = None  # see frame_first
        self.nav.currentRowChanged.connect(self._show_row)
        # Shown once a search handler is attached (see enable_search): no dead controls.
        self.search.setVisible(False)
        self._spacer = QWidget()
        self._spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        top_row.insertWidget(3, self._spacer)
        # Ctrl+1 … Ctrl+9 go to the sections in the order of the list; F1 opens Help.
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.go_to_row(n - 1))
        help_key = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), self)
        help_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        help_key.activated.connect(
            lambda: self.show_section("help") if "help" in self.sections else None
        )
        list_key = QShortcut(QKeySequence("Ctrl+/"), self)
        list_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        list_key.activated.connect(self.shortcuts_requested)

    def set_identity(self, office_name: str, user_name: str, role_label: str) -> None:
        self.where.setText(office_name)
        self.who.setText(tr("{0} · {1}").format(user_name, role_label))

    def go_to_row(self, row: int) -> None:
        if 0 <= row < self.nav.count():
            self.leave_search()
            self.nav.setCurrentRow(row)
            self.back_from_search()
            self.focus_section()

    def focus_section(self) -> None:
        """Put the cursor in the first field of the section shown, never in the global search
        (that is Ctrl+K's job): someone who keeps typing must not replace the screen."""
        key = self.current_key()
        if key is None:
            return
        section = self.sections[key]
        widget = section.nextInFocusChain()
        seen = 0
        while widget is not None and seen < 500:
            if not section.isAncestorOf(widget):
                break
            if (
                widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()
            seen += 1
        self.nav.setFocus(Qt.FocusReason.OtherFocusReason)

    def enable_search(
        self,
        page: QWidget,
        run: Callable[[str], object],
        open_first: Callable[[], bool],
        run_async: Callable[[str], object] | None = None,
    ) -> None:
        """Show the search box; results appear on `page` while there is text in the box."""
        self.search.setVisible(True)
        self._spacer.setVisible(False)
        self.search_page = page
        self.stack.addWidget(page)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(120)

        def update() -> None:
            text = self.search.text()
            if text.strip():
                (run_async or run)(text)
                self.stack.setCurrentWidget(page)
            else:
                self.back_from_search()

        timer.timeout.connect(update)
        self.search.textChanged.connect(lambda _t: timer.start())

        def enter() -> None:
            timer.stop()
            if self.search.text().strip():
                run(self.search.text())
                open_first()

        self.search.returnPressed.connect(enter)
        self.search.installEventFilter(self)  # Escape clears and goes back

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.search.clear()
            self.back_from_search()
            return True
        return super().eventFilter(watched, event)

    def back_from_search(self) -> None:
        key = self.current_key()
        if key is not None:
            self.stack.setCurrentWidget(self.sections[key])

    def add_section(self, key: str, section: Section) -> None:
        self.sections.add(key, section, None)
        self._add_nav_item(key, section.title)
        self.stack.addWidget(section)

    def add_lazy_section(self, key: str, title: str, factory: Callable[[], Section]) -> None:
        """A section built on first use (see Sections)."""
        self.sections.add(key, None, factory)
        self._add_nav_item(key, title)

    def remove_section(self, key: str) -> None:
        """Take out a section not built yet, and its place in the navigation."""
        if key not in self.sections:
            return
        self.sections.remove(key)
        for row in range(self.nav.count()):
            if self.nav.item(row).data(KEY_ROLE) == key:
                self.nav.takeItem(row)
                break

    def _add_nav_item(self, key: str, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(KEY_ROLE, key)
        item.setSizeHint(QSize(130, 40))
        self.nav.addItem(item)
        # As narrow as the longest name allows: small screens need the room for the section.
        wanted = self.nav.fontMetrics().horizontalAdvance(title) + 48
        self.nav.setFixedWidth(max(self.nav.width(), min(wanted, 220)))

    def frame_first(self) -> None:
        """Shown next, the shell shows its frame alone (the navigation, the search line), the
        section area empty; show_section_held then shows the section chosen meanwhile. Each
        is then its own turn of the event loop (the unlock: ui.controller.enter_shell)."""
        if self._empty is None:
            self._empty = QWidget()
            self.stack.addWidget(self._empty)
        self.stack.setCurrentWidget(self._empty)

    def show_section_held(self) -> None:
        """After frame_first: the section of the navigation's current row, if none is shown."""
        if self._empty is not None and self.stack.currentWidget() is self._empty:
            self._show_row(self.nav.currentRow())

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(KEY_ROLE)
        section = self.sections[key]
        self.stack.setCurrentWidget(section)
        section.on_show()

    def leave_search(self) -> None:
        """Opening a result: the box empties quietly and the section shows."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def show_section(self, key: str) -> Section:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(KEY_ROLE) == key:
                if self.nav.currentRow() == row:
                    self.stack.setCurrentWidget(self.sections[key])
                    self.sections[key].on_show()
                self.nav.setCurrentRow(row)
                break
        return self.sections[key]

    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(KEY_ROLE) if item else None

    def location(self) -> dict[str, object]:
        key = self.current_key()
        if key is None:
            return {}
        return {"section": key, "state": self.sections[key].location()}

    def restore_location(self, loc: dict[str, object]) -> None:
        key = loc.get("section")
        if isinstance(key, str) and key in self.sections:
            section = self.show_section(key)
            self.stack.setCurrentWidget(section)
            state = loc.get("state")
            if isinstance(state, dict):
                section.restore_location(state)

    def collect_drafts(self) -> None:
        for section in self.sections.built().values():
            section.collect_drafts()


class DemoBanner(QLabel):
    """Impossible to miss and impossible to hide: no close button, on every window."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setObjectName("DemoBanner")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAccessibleName(tr("Demo mode"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)  # presenter mode's large text must not push the window wider

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.setAccessibleName(tr("Demo mode"))  # the text is the window's to set
