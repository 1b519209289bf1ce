"""The screens before the main window: first run, set-up, recovery key, unlock, new passphrase."""

from __future__ import annotations

from collections.abc import Callable

from advocate_app.store.vault import UnlockUser, passphrase_problem, passphrase_strength
from advocate_app.ui.qt import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTimer,
    QWidget,
    Signal,
    tr,
)
from advocate_app.ui.widgets import (
    Page,
    StrengthMeter,
    add_form_rows,
    label,
    passphrase_field,
    primary_button,
    status_line,
)


class WelcomePage(Page):
    setup_requested = Signal()
    demo_requested = Signal()

    def __init__(self, demo_available: bool, demo_reason: str = "") -> None:
        super().__init__(
            tr("Welcome to Advocate Companion"),
            tr(
                "Confidential notes, needs checklists and a reference library that stay on this "
                "computer, encrypted, and never use the internet."
            ),
        )
        self.setup_button = primary_button(tr("Set up this office"))
        self.setup_button.setAccessibleDescription(
            tr(
                "Creates this office's encrypted vault: you choose a passphrase and receive a "
                "recovery key to keep somewhere safe."
            )
        )
        self.setup_button.clicked.connect(self.setup_requested)
        self.body.addWidget(
            label(
                tr(
                    "Setting up creates an encrypted vault for your office's records. You will choose a "
                    "passphrase and receive a recovery key to keep somewhere safe."
                )
            )
        )
        self.body.addWidget(self.setup_button)
        self.demo_button = QPushButton(tr("Try the demo"))
        self.demo_button.setAccessibleDescription(
            tr(
                "Opens fictional training cases in a separate vault; real records are never touched."
            )
        )
        self.demo_button.setEnabled(demo_available)
        self.demo_button.clicked.connect(self.demo_requested)
        self.body.addWidget(
            label(
                tr(
                    "The demo opens fictional training cases in a separate vault; it never touches real "
                    "records."
                )
            )
        )
        self.body.addWidget(self.demo_button)
        if not demo_available and demo_reason:
            self.body.addWidget(label(demo_reason, "hint"))
        self.finish()


class SetupPage(Page):
    """Office name, first user's name, passphrase twice with a strength meter."""

    submitted = Signal(str, str, str, str)  # office, user, passphrase, sign-in label
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__(
            tr("Set up this office"),
            tr(
                "You will be the first user and a supervisor: you can add the other advocates "
                "afterwards."
            ),
        )
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.office = QLineEdit()
        self.office.setMaxLength(120)
        self.office.setAccessibleName(tr("Office name"))
        self.office.setAccessibleDescription(
            tr(
                "Up to 120 characters. Shown at the top of every screen, and on the sign-in "
                "screen unless you turn that off below."
            )
        )
        self.user = QLineEdit()
        self.user.setMaxLength(80)
        self.user.setAccessibleName(tr("Your name"))
        self.user.setAccessibleDescription(
            tr(
                "Up to 80 characters. The sign-in screen lists it, in plain text, for anyone "
                "who opens this computer."
            )
        )
        self.passphrase = passphrase_field(tr("Passphrase"))
        self.passphrase.setAccessibleDescription(
            tr(
                "At least 10 characters; four or five unrelated words work well. Nobody can "
                "look it up later, so keep it somewhere safe."
            )
        )
        self.repeat = passphrase_field(tr("Passphrase again"))
        self.repeat.setAccessibleDescription(
            tr("Type the same passphrase again, to be sure of it. Enter creates the vault.")
        )
        self.meter = StrengthMeter()
        add_form_rows(
            form,
            (
                (tr("&Office name"), self.office),
                (tr("&Your name"), self.user),
                (tr("&Passphrase"), self.passphrase),
                (tr("Passphrase &again"), self.repeat),
            ),
        )
        form.addRow("", self.meter)
        self.body.addLayout(form)
        self.body.addWidget(
            label(
                tr(
                    "Use at least 10 characters; four or five unrelated words are easy to remember and "
                    "hard to guess. There is no way to see it again, so keep it somewhere safe."
                ),
                "hint",
            )
        )
        from advocate_app.ui.vault.sign_in_choice import SignInLabelChoice  # set-up only

        # Which words the unlock screen shows (or none): readable without the passphrase.
        self.sign_in = SignInLabelChoice()
        self.office.textChanged.connect(self.sign_in.follow)
        self.body.addWidget(self.sign_in)
        self.message = status_line("", "error")
        self.body.addWidget(self.message)
        buttons = QHBoxLayout()
        self.back = QPushButton(tr("Back"))
        self.back.clicked.connect(self.back_requested)
        self.create_button = primary_button(tr("Create the vault"))
        self.create_button.setAccessibleDescription(
            tr("Creates the encrypted vault, then shows its recovery key once.")
        )
        self.create_button.clicked.connect(self._submit)
        buttons.addWidget(self.back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        self.body.addLayout(buttons)
        self.finish()
        for field in (self.office, self.user, self.passphrase, self.repeat):
            field.textChanged.connect(self._update)
            field.returnPressed.connect(self._submit)
        self._update()

    def _update(self) -> None:
        phrase = self.passphrase.text()
        inputs = [self.office.text(), self.user.text()]
        self.meter.set_score(passphrase_strength(phrase, inputs) if phrase else None)
        self.message.setText("")

    def _problem(self) -> str | None:
        if not self.office.text().strip():
            return tr("Enter the office's name.")
        if not self.user.text().strip():
            return tr("Enter your name.")
        problem = passphrase_problem(self.passphrase.text(), [self.office.text(), self.user.text()])
        if problem:
            return problem
        if self.passphrase.text() != self.repeat.text():
            return tr("The two passphrases are not the same. Type them again.")
        return None

    def _submit(self) -> None:
        problem = self._problem()
        if problem:
            self.message.setText(problem)
            return
        self.submitted.emit(
            self.office.text().strip(),
            self.user.text().strip(),
            self.passphrase.text(),
            self.sign_in.chosen_label(),
        )

    def set_busy(self, busy: bool) -> None:
        self.create_button.setEnabled(not busy)
        self.back.setEnabled(not busy)
        self.create_button.setText(tr("Creating the vault…") if busy else tr("Create the vault"))

    def show_error(self, text: str) -> None:
        self.message.setText(text)

    def clear_secrets(self) -> None:
        self.passphrase.clear()
        self.repeat.clear()


class UnlockPage(Page):
    unlock_requested = Signal(str, str)  # user id, passphrase
    recovery_requested = Signal(str, str)  # user id, recovery key text
    demo_requested = Signal()

    def __init__(self) -> None:
        super().__init__(tr("Unlock"), tr("The office's records are locked."))
        # Which office's vault this is (plain text from the keys file, chosen by the office).
        self.sign_in_label = label("", "subtitle")  # a screen reader reads the words themselves
        self.sign_in_label.setVisible(False)
        self.body.insertWidget(self.body.indexOf(self.title_label) + 1, self.sign_in_label)
        self.stack = QStackedWidget()
        # Passphrase form
        pass_form = QWidget()
        form = QFormLayout(pass_form)
        self.user_box = QComboBox()
        self.user_box.setAccessibleName(tr("User"))
        self.user_box.setAccessibleDescription(
            tr("Choose your name; each person has their own passphrase.")
        )
        self.passphrase = passphrase_field(tr("Passphrase"))
        self.passphrase.setAccessibleDescription(
            tr(
                "Your own passphrase; Enter unlocks. After several wrong tries the app makes "
                "you wait before the next one."
            )
        )
        self.passphrase.returnPressed.connect(self._unlock)
        add_form_rows(form, ((tr("&User"), self.user_box), (tr("&Passphrase"), self.passphrase)))
        self.stack.addWidget(pass_form)
        # Recovery form
        rec_form = QWidget()
        form2 = QFormLayout(rec_form)
        self.rec_user_box = QComboBox()
        self.rec_user_box.setAccessibleName(tr("Who is unlocking"))
        self.rec_user_box.setAccessibleDescription(
            tr("Choose your name: after unlocking you choose a new passphrase for it.")
        )
        self.recovery_key = QLineEdit()
        self.recovery_key.setAccessibleName(tr("Recovery key"))
        self.recovery_key.setAccessibleDescription(
            tr(
                "The office's printed recovery key: nine groups of four letters and digits, "
                "with or without the dashes. Enter unlocks."
            )
        )
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.recovery_key.returnPressed.connect(self._unlock)
        add_form_rows(
            form2,
            (
                (tr("&Who is unlocking"), self.rec_user_box),
                (tr("&Recovery key"), self.recovery_key),
            ),
        )
        form2.addRow("", label(tr("After unlocking you will choose a new passphrase."), "hint"))
        self.stack.addWidget(rec_form)
        self.body.addWidget(self.stack)

        self.message = status_line("", "error")
        self.message.setAccessibleName(tr("Unlock message"))
        self.body.addWidget(self.message)
        row = QHBoxLayout()
        self.toggle = QPushButton(tr("Use recovery key"))
        self.toggle.setAccessibleDescription(
            tr("Switches between unlocking with your passphrase and with the recovery key.")
        )
        self.toggle.clicked.connect(self._toggle)
        self.demo_button = QPushButton(tr("Try the demo"))
        self.demo_button.setAccessibleDescription(
            tr(
                "Opens fictional training cases in a separate vault; real records are never touched."
            )
        )
        self.demo_button.clicked.connect(self.demo_requested)
        self.unlock_button = primary_button(tr("Unlock"))
        self.unlock_button.setAccessibleDescription(
            tr("Opens the office's records with what you typed above.")
        )
        self.unlock_button.clicked.connect(self._unlock)
        row.addWidget(self.toggle)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        self.body.addLayout(row)
        self.finish()
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._wait_left = 0
        self._busy = False

    def set_sign_in_label(self, text: str) -> None:
        """The office's label above the names, as plain text; nothing when it has none."""
        self.sign_in_label.setText(text)
        self.sign_in_label.setVisible(bool(text))

    def set_users(self, users: list[UnlockUser], preferred: str | None = None) -> None:
        for box in (self.user_box, self.rec_user_box):
            box.clear()
            for user in users:
                box.addItem(user.name, user.id)
            if preferred:
                index = box.findData(preferred)
                if index >= 0:
                    box.setCurrentIndex(index)

    @property
    def using_recovery_key(self) -> bool:
        return self.stack.currentIndex() == 1

    def _toggle(self) -> None:
        recovery = not self.using_recovery_key
        self.stack.setCurrentIndex(1 if recovery else 0)
        self.toggle.setText(tr("Use passphrase") if recovery else tr("Use recovery key"))
        self.message.setText("")
        (self.recovery_key if recovery else self.passphrase).setFocus()

    def _unlock(self) -> None:
        if self._busy or self._wait_left > 0:
            return
        if self.using_recovery_key:
            user_id = self.rec_user_box.currentData()
            text = self.recovery_key.text()
            if not text.strip():
                self.message.setText(tr("Type the recovery key."))
                return
            self.recovery_requested.emit(user_id or "", text)
        else:
            user_id = self.user_box.currentData()
            phrase = self.passphrase.text()
            if not phrase:
                self.message.setText(tr("Type your passphrase."))
                return
            self.unlock_requested.emit(user_id or "", phrase)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.unlock_button.setEnabled(not busy and self._wait_left <= 0)
        self.unlock_button.setText(tr("Unlocking…") if busy else tr("Unlock"))
        if busy:
            self.message.setText("")

    def show_error(self, text: str, wait_seconds: float = 0) -> None:
        self.message.setText(text)
        if self.using_recovery_key:
            # The mistake is in the visible recovery key field: keep it there to correct.
            self.recovery_key.setFocus()
            self.recovery_key.selectAll()
        else:
            self.passphrase.clear()
            self.passphrase.setFocus()
        if wait_seconds > 0:
            self._wait_left = round(wait_seconds)
            self.unlock_button.setEnabled(False)
            self._countdown.start()
            self._tick(first=True)

    def _tick(self, first: bool = False) -> None:
        if not first:
            self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self._wait_left = 0
            self.unlock_button.setEnabled(not self._busy)
            self.unlock_button.setText(tr("Unlock"))
            return
        self.unlock_button.setText(tr("Wait {0} s").format(self._wait_left))

    def reset(self) -> None:
        self.passphrase.clear()
        self.recovery_key.clear()
        self.message.setText("")
        if self.using_recovery_key:
            self._toggle()
        self.passphrase.setFocus()


class NewPassphrasePage(Page):
    """After a recovery-key unlock, or a first unlock with a temporary passphrase."""

    submitted = Signal(str)

    def __init__(self) -> None:
        super().__init__(tr("Choose a new passphrase"))
        self.reason = label("")
        self.body.addWidget(self.reason)
        form = QFormLayout()
        self.passphrase = passphrase_field(tr("New passphrase"))
        self.passphrase.setAccessibleDescription(
            tr(
                "At least 10 characters; four or five unrelated words work well. Only you will "
                "know it."
            )
        )
        self.repeat = passphrase_field(tr("New passphrase again"))
        self.repeat.setAccessibleDescription(tr("Type the same passphrase again; Enter saves it."))
        add_form_rows(
            form,
            ((tr("&New passphrase"), self.passphrase), (tr("New passphrase &again"), self.repeat)),
        )
        self.meter = StrengthMeter()
        form.addRow("", self.meter)
        self.body.addLayout(form)
        self.message = status_line("", "error")
        self.body.addWidget(self.message)
        self.save = primary_button(tr("Save the new passphrase"))
        self.save.clicked.connect(self._submit)
        self.repeat.returnPressed.connect(self._submit)
        self.body.addWidget(self.save)
        self.finish()
        self._inputs: list[str] = []
        self.passphrase.textChanged.connect(
            lambda text: self.meter.set_score(
                passphrase_strength(text, self._inputs) if text else None
            )
        )

    def prepare(self, reason: str, inputs: list[str]) -> None:
        self.reason.setText(reason)
        self._inputs = inputs
        self.passphrase.clear()
        self.repeat.clear()
        self.message.setText("")

    def _submit(self) -> None:
        problem = passphrase_problem(self.passphrase.text(), self._inputs)
        if problem:
            self.message.setText(problem)
            return
        if self.passphrase.text() != self.repeat.text():
            self.message.setText(tr("The two passphrases are not the same. Type them again."))
            return
        self.submitted.emit(self.passphrase.text())

    def show_error(self, text: str) -> None:
        self.message.setText(text)


class MessagePage(Page):
    """A full-window message when the vault cannot be used (in use elsewhere, damaged)."""

    def __init__(self) -> None:
        super().__init__(tr("The vault cannot be opened"))
        self.text = label("")
        self.body.addWidget(self.text)
        self.buttons = QHBoxLayout()
        self.body.addLayout(self.buttons)
        self.finish()

    def show_message(
        self, title: str, text: str, actions: list[tuple[str, Callable[[], object]]]
    ) -> None:
        self.title_label.setText(title)
        self.text.setText(text)
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons.addStretch(1)
        for i, (caption, callback) in enumerate(actions):
            button = primary_button(caption) if i == len(actions) - 1 else QPushButton(caption)
            button.clicked.connect(callback)
            self.buttons.addWidget(button)
