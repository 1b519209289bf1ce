"""The interface language: English (the source strings) or Spanish (assets/translations).

The choice lives in the plain settings file (Settings.language: "es", "en", or "" to follow the
system); it is not client content. Switching installs or removes a QTranslator and sets the
default QLocale (dates and numbers); Qt then sends every widget a LanguageChange event, and the
widgets that show translated text rebuild it (see `retranslate` methods and Shell).
"""

from __future__ import annotations

from advocate_app.i18n import set_translate
from advocate_app.paths import assets_dir
from advocate_app.ui import qt
from advocate_app.ui.qt import QCoreApplication, QLocale, QObject, QTranslator, Signal, tr_marked

ENGLISH = "en"
SPANISH = "es"
# Each language by its own name, so a person who reads only one of them can find it.
CHOICES: tuple[tuple[str, str], ...] = ((SPANISH, "Español"), (ENGLISH, "English"))

_state: dict[str, object] = {"language": ENGLISH, "translator": None}


class LanguageNotice(QObject):
    """Says that a translator was installed or removed, to every window that listens.

    Windows listen here rather than for Qt's LanguageChange event: a window that overrides
    changeEvent has every change event wrapped for Python, and PySide builds QEvent and its
    fifty subclasses (with QEvent.Type's 180 members) the first time, on the way to the unlock
    window (2% of start-up, measured; issue 21)."""

    changed = Signal()


_notice: list[LanguageNotice] = []


def language_notice() -> LanguageNotice:
    """The one notice of this process (made on first use, once the application exists)."""
    if not _notice or not qt.is_alive(_notice[0]):
        _notice[:] = [LanguageNotice(QCoreApplication.instance())]
    return _notice[0]


def qm_path() -> object:
    return assets_dir() / "translations" / "advocate_es.qm"


def system_language() -> str:
    return SPANISH if QLocale.system().language() == QLocale.Language.Spanish else ENGLISH


def resolve(setting: str) -> str:
    """The language to show for a stored setting ("" follows the system)."""
    return setting if setting in (ENGLISH, SPANISH) else system_language()


def current_language() -> str:
    return str(_state["language"])


def apply_language(language: str) -> bool:
    """Show the interface in `language` now. False when the Spanish file is missing (English)."""
    # Messages raised below the ui (store, reports) are translated when they are shown.
    set_translate(tr_marked)
    app = QCoreApplication.instance()
    if app is None:
        return False  # a translator needs the application; nothing changes
    old = _state["translator"]
    if language == current_language() and (old is not None or language == ENGLISH):
        return True
    ok = True
    translator = None
    if language == SPANISH:
        translator = QTranslator(app)
        if not translator.load(str(qm_path())):
            translator = None
            ok = False
            language = ENGLISH
    if old is not None:
        app.removeTranslator(old)  # type: ignore[arg-type]
    if translator is not None:
        app.installTranslator(translator)
    _state["translator"] = translator
    _state["language"] = language
    if language == SPANISH:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates))
    elif QLocale.system().language() == QLocale.Language.English:
        QLocale.setDefault(QLocale.system())
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    # Qt posts LanguageChange to every window: deliver it now, so every open window (the demo's
    # too) is in the new language when this returns, and none shows a mix of both meanwhile.
    QCoreApplication.sendPostedEvents(None, qt.QEvent.Type.LanguageChange)
    if old is not None or translator is not None:
        language_notice().changed.emit()
    return ok
