"""A client's record opened without holding the GUI thread for long (ClientsSection.
open_client_soon: moving along the list with the arrow keys, unlocking back into a record, the
language switched).

Its steps, each on a turn of the event loop of its own, so that a key pressed meanwhile is
answered between them:

1. its reads (the audited open, its notes, its note box's draft and suggestions) on a worker;
   where an unlock left off, once the client list is painted (a worker running Python beside
   the GUI thread makes it wait for Python's lock at each of its calls into Python, and the
   list's first paint, a call for each role of each cell, took 13-17 ms rather than 7-10);
2. built, hidden (the reads come back in the same pass of the event loop as the list's, and
   its first paint, where an unlock left off: built there too, they kept a key waiting for
   21-29 ms at 1,000 clients);
3. put in the record pane, still hidden: the section's layout settles for it (on a narrow window
   the record goes below the list), not as it shows;
4. its first notes' cards made, a slice of them per turn (made as it showed, they and its first
   paint kept a key waiting 25 ms);
5. shown in place of the record shown until then, its painting held;
6. its layout settled, and painted (shown and painted in one turn, 17-24 ms); then, on the turn
   after that paint, the section may start its own work on a worker (the count of the services'
   use: started before the paint, its worker made the paint wait for Python's lock).

Asking for another record meanwhile, either way, wins. A lock meanwhile locks the vault at once
but takes the shell away on a later turn, and stops only the shell's QTimer objects, not these
one-shot timers: each step first asks whether the vault is still unlocked, and if not drops
what was read and deletes a record built but hidden.
"""

from __future__ import annotations

from collections.abc import Callable

from advocate_app.store.errors import VaultError
from advocate_app.store.vault import Vault
from advocate_app.ui.clients.detail import ClientDetail, ReadAhead, read_ahead
from advocate_app.ui.clients.services_picker import UsageSource
from advocate_app.ui.qt import QStackedWidget, QTimer, QWidget, is_alive
from advocate_app.ui.widgets import settle_layouts
from advocate_app.ui.worker import LatestOnly

# Each step on a turn of its own: a timer, not a zero-delay call, which Qt may run in the same
# pass (see ui.shell_entry).
SHOW_AFTER_MS = 1


class RecordComing:
    """One record on its way at a time, for `owner` (the Clients section), built in `pane`.

    show(detail, tab): put the record in place of the one shown until then (step 5);
    cannot_open(error): its reads failed (a record gone, the vault locked); painted(): the
    record has been painted (step 6), called on the turn after it was let paint."""

    def __init__(
        self,
        owner: QWidget,
        vault: Vault,
        pane: QStackedWidget,
        service_usage: UsageSource,
        show: Callable[[ClientDetail, str | None], None],
        cannot_open: Callable[[VaultError], None],
        painted: Callable[[], None],
    ) -> None:
        self._owner = owner
        self._vault = vault
        self._pane = pane
        self._service_usage = service_usage
        self._show = show
        self._cannot_open = cannot_open
        self._painted = painted
        self._reading = LatestOnly(owner)
        # Where the record on its way will be (its client and tab): where the person is.
        self.place: dict[str, object] | None = None
        self._built: ClientDetail | None = None  # built, hidden, until shown
        self._read: dict[str, object] | None = None  # the place whose reads have started

    def start(self, client_id: int, tab: str | None, *, wait: bool = False) -> None:
        """wait: its reads start at read_now(), not at once."""
        self.cancel()
        self.place = {"client_id": client_id, "tab": tab}
        if not wait:
            self.read_now()

    def read_now(self) -> None:
        """The reads of the record on its way, unless they have started."""
        place = self.place
        if place is None or self._read is place or self._locked_meanwhile():
            return
        self._read = place
        client_id, tab = place["client_id"], place["tab"]
        assert isinstance(client_id, int)
        assert tab is None or isinstance(tab, str)
        vault = self._vault
        self._reading.run(
            lambda: read_ahead(vault, client_id),
            lambda read: self._read_arrived(place, client_id, tab, read),
        )

    def cancel(self) -> None:
        self._reading.cancel()
        self.place = self._read = None
        if self._built is not None:
            built, self._built = self._built, None
            self._pane.removeWidget(built)
            built.deleteLater()  # nothing typed in it yet: nothing to keep

    def _next(self, step: Callable[[], None]) -> None:
        QTimer.singleShot(SHOW_AFTER_MS, self._owner, step)

    def _locked_meanwhile(self) -> bool:
        if self._vault.is_unlocked:
            return False
        self.cancel()
        return True

    def _read_arrived(
        self,
        place: dict[str, object],
        client_id: int,
        tab: str | None,
        read: ReadAhead | VaultError,
    ) -> None:
        if self.place is not place or self._locked_meanwhile():  # overtaken, or locked
            return
        if isinstance(read, VaultError):
            self.place = None
            self._cannot_open(read)
            return
        self._next(lambda: self._build(place, client_id, read, tab))

    def _build(
        self, place: dict[str, object], client_id: int, read: ReadAhead, tab: str | None
    ) -> None:
        if self.place is not place or self._locked_meanwhile():
            return
        detail = ClientDetail(self._vault, client_id, self._pane, self._service_usage, read)
        self._built = detail  # a child of the record pane, hidden until shown
        self._next(lambda: self._put_in_pane(detail, tab))

    def _put_in_pane(self, detail: ClientDetail, tab: str | None) -> None:
        """In the pane's stack, still hidden (step 3)."""
        if self._built is not detail or self._locked_meanwhile():
            return
        self._pane.addWidget(detail)
        self._next(lambda: self._make_cards(detail, tab))

    def _make_cards(self, detail: ClientDetail, tab: str | None) -> None:
        if self._built is not detail or self._locked_meanwhile():
            return
        more = tab in (None, "notes") and detail.notes.make_first_cards()
        if more:
            self._next(lambda: self._make_cards(detail, tab))
        else:
            self._next(lambda: self._show_built(detail, tab))

    def _show_built(self, detail: ClientDetail, tab: str | None) -> None:
        if self._built is not detail or self._locked_meanwhile():
            return
        self._built = None
        self.place = None
        # At the pane's size before it shows (its layout and cards' heights settled once, not
        # at each size it would pass through); painted on the next turn.
        detail.setGeometry(self._pane.contentsRect())
        detail.setUpdatesEnabled(False)
        self._show(detail, tab)
        self._next(lambda: self._paint(detail))

    def _paint(self, detail: ClientDetail) -> None:
        if not is_alive(detail) or not self._vault.is_unlocked:  # dropped, or locked
            return
        # Its layout settled first: painted before, on a narrow window the record showed the
        # note box cut off, then jumped, and was painted twice.
        settle_layouts()
        detail.setUpdatesEnabled(True)  # painted on the next pass of the event loop
        # What follows the paint (the services' use counted on a worker) waits for it: a worker
        # running Python beside the paint made it wait for Python's lock at each call.
        self._next(self._after_paint)

    def _after_paint(self) -> None:
        if self._vault.is_unlocked:  # not once locked meanwhile: nothing to count then
            self._painted()
