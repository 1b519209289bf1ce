"""The one place the app imports Qt: a binding change is one file.

Names resolve on first use (PEP 562), so starting the app initialises only the Qt classes the
first window needs: start-up time is a budget (DESIGN.md).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_WHERE: dict[str, str] = {
    "QStyle": "QtWidgets",
    "QRect": "QtCore",
    "QStyleOptionViewItem": "QtWidgets",
    "QStyledItemDelegate": "QtWidgets",
    "QTreeView": "QtWidgets",
    "QAbstractItemModel": "QtCore",
    "QAbstractItemView": "QtWidgets",
    "QAbstractListModel": "QtCore",
    "QAbstractTableModel": "QtCore",
    "QAccessible": "QtGui",
    "QAccessibleEvent": "QtGui",
    "QAction": "QtGui",
    "QApplication": "QtWidgets",
    "QBoxLayout": "QtWidgets",
    "QButtonGroup": "QtWidgets",
    "QByteArray": "QtCore",
    "QCheckBox": "QtWidgets",
    "QColor": "QtGui",
    "QComboBox": "QtWidgets",
    "QCompleter": "QtWidgets",
    "QCoreApplication": "QtCore",
    "QDate": "QtCore",
    "QDateEdit": "QtWidgets",
    "QDateTime": "QtCore",
    "QDateTimeEdit": "QtWidgets",
    "QDesktopServices": "QtGui",
    "QDialog": "QtWidgets",
    "QDialogButtonBox": "QtWidgets",
    "QEvent": "QtCore",
    "QFileDialog": "QtWidgets",
    "QFont": "QtGui",
    "QFontDatabase": "QtGui",
    "QFormLayout": "QtWidgets",
    "QFrame": "QtWidgets",
    "QGridLayout": "QtWidgets",
    "QGroupBox": "QtWidgets",
    "QGuiApplication": "QtGui",
    "QHBoxLayout": "QtWidgets",
    "QHeaderView": "QtWidgets",
    "QIcon": "QtGui",
    "QInputDialog": "QtWidgets",
    "QItemSelectionModel": "QtCore",
    "QKeySequence": "QtGui",
    "QLabel": "QtWidgets",
    "QLineEdit": "QtWidgets",
    "QListView": "QtWidgets",
    "QListWidget": "QtWidgets",
    "QListWidgetItem": "QtWidgets",
    "QLocale": "QtCore",
    "QMainWindow": "QtWidgets",
    "QMarginsF": "QtCore",
    "QMenu": "QtWidgets",
    "QMessageBox": "QtWidgets",
    "QModelIndex": "QtCore",
    "QObject": "QtCore",
    "QPageLayout": "QtGui",
    "QPageSize": "QtGui",
    "QPainter": "QtGui",
    "QPalette": "QtGui",
    "QPdfWriter": "QtGui",
    "QPersistentModelIndex": "QtCore",
    "QPlainTextEdit": "QtWidgets",
    "QPoint": "QtCore",
    "QPrintDialog": "QtPrintSupport",
    "QPrinter": "QtPrintSupport",
    "QProgressBar": "QtWidgets",
    "QPushButton": "QtWidgets",
    "QRadioButton": "QtWidgets",
    "QRunnable": "QtCore",
    "QScrollArea": "QtWidgets",
    "QScrollBar": "QtWidgets",
    "QDBusConnection": "QtDBus",
    "QAbstractNativeEventFilter": "QtCore",
    "QMimeData": "QtCore",
    "QSocketNotifier": "QtCore",
    "QSettings": "QtCore",
    "QTranslator": "QtCore",
    "QShortcut": "QtGui",
    "QSize": "QtCore",
    "QSizeF": "QtCore",
    "QSizePolicy": "QtWidgets",
    "QSortFilterProxyModel": "QtCore",
    "QSpinBox": "QtWidgets",
    "QSplitter": "QtWidgets",
    "QStackedWidget": "QtWidgets",
    "QStandardItem": "QtGui",
    "QStandardItemModel": "QtGui",
    "QStyleFactory": "QtWidgets",
    "QTabWidget": "QtWidgets",
    "QTableView": "QtWidgets",
    "QTextBrowser": "QtWidgets",
    "QTextCursor": "QtGui",
    "QTextDocument": "QtGui",
    "QResizeEvent": "QtGui",
    "QShowEvent": "QtGui",
    "QPaintEvent": "QtGui",
    "QKeyEvent": "QtGui",
    "QTextEdit": "QtWidgets",
    "QThread": "QtCore",
    "QThreadPool": "QtCore",
    "QTime": "QtCore",
    "QTimeEdit": "QtWidgets",
    "QTimeZone": "QtCore",
    "QTimer": "QtCore",
    "QToolButton": "QtWidgets",
    "QTreeWidget": "QtWidgets",
    "QTreeWidgetItem": "QtWidgets",
    "QUrl": "QtCore",
    "QVBoxLayout": "QtWidgets",
    "QWidget": "QtWidgets",
    "Qt": "QtCore",
    "Signal": "QtCore",
    "Slot": "QtCore",
    "SLOT": "QtCore",
}

if TYPE_CHECKING:
    from PySide6.QtCore import (
        SLOT,
        QAbstractItemModel,
        QAbstractListModel,
        QAbstractNativeEventFilter,
        QAbstractTableModel,
        QByteArray,
        QCoreApplication,
        QDate,
        QDateTime,
        QEvent,
        QItemSelectionModel,
        QLocale,
        QMarginsF,
        QMimeData,
        QModelIndex,
        QObject,
        QPersistentModelIndex,
        QPoint,
        QRect,
        QRunnable,
        QSettings,
        QSize,
        QSizeF,
        QSocketNotifier,
        QSortFilterProxyModel,
        Qt,
        QThread,
        QThreadPool,
        QTime,
        QTimer,
        QTimeZone,
        QTranslator,
        QUrl,
        Signal,
        Slot,
    )
    from PySide6.QtDBus import QDBusConnection
    from PySide6.QtGui import (
        QAccessible,
        QAccessibleEvent,
        QAction,
        QColor,
        QDesktopServices,
        QFont,
        QFontDatabase,
        QGuiApplication,
        QIcon,
        QKeyEvent,
        QKeySequence,
        QPageLayout,
        QPageSize,
        QPainter,
        QPaintEvent,
        QPalette,
        QPdfWriter,
        QResizeEvent,
        QShortcut,
        QShowEvent,
        QStandardItem,
        QStandardItemModel,
        QTextCursor,
        QTextDocument,
    )
    from PySide6.QtPrintSupport import (
        QPrintDialog,
        QPrinter,
    )
    from PySide6.QtWidgets import (
        QAbstractItemView,
        QApplication,
        QBoxLayout,
        QButtonGroup,
        QCheckBox,
        QComboBox,
        QCompleter,
        QDateEdit,
        QDateTimeEdit,
        QDialog,
        QDialogButtonBox,
        QFileDialog,
        QFormLayout,
        QFrame,
        QGridLayout,
        QGroupBox,
        QHBoxLayout,
        QHeaderView,
        QInputDialog,
        QLabel,
        QLineEdit,
        QListView,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QMenu,
        QMessageBox,
        QPlainTextEdit,
        QProgressBar,
        QPushButton,
        QRadioButton,
        QScrollArea,
        QScrollBar,
        QSizePolicy,
        QSpinBox,
        QSplitter,
        QStackedWidget,
        QStyle,
        QStyledItemDelegate,
        QStyleFactory,
        QStyleOptionViewItem,
        QTableView,
        QTabWidget,
        QTextBrowser,
        QTextEdit,
        QTimeEdit,
        QToolButton,
        QTreeView,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
        QWidget,
    )


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    value = getattr(importlib.import_module(f"PySide6.{module}"), name)
    globals()[name] = value
    return value


# Members of the Qt namespace by value, for what the unlock window sets: naming any member of
# `Qt` makes PySide build the namespace and its hundred-odd enums (20-29 ms on this machine;
# issue 21), which nothing else on the way to that window needs. Written through Qt's property
# system (set_by_value); tests/ui/test_qt_by_value.py checks each against its enum.
PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
APPLICATION_SHORTCUT = 2  # Qt.ShortcutContext.ApplicationShortcut
# Qt.InputMethodHint: ImhHiddenText | ImhSensitiveData | ImhNoPredictiveText
PASSPHRASE_HINTS = 0x1 | 0x2 | 0x40


def set_by_value(obj: QObject, name: str, value: int) -> None:
    """Set a Qt property that takes a member of the Qt namespace, by its value. Raises if the
    object has no such property or refuses the value (a label left rich text is a leak)."""
    if not obj.setProperty(name, value):
        raise ValueError(f"{type(obj).__name__} has no property {name} taking {value}")


def is_alive(obj: object) -> bool:
    """False once Qt has deleted the C++ side of obj (a closed page, a torn-down shell)."""
    from shiboken6 import isValid

    return bool(isValid(obj))


# The context Qt's extractor (pyside6-lupdate) gives a bare `tr("...")` call: empty. The runtime
# asks for the same, so the .ts entries and the look-ups agree.
TR_CONTEXT = ""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Every string shown to a person goes through Qt's translation lookup.

    Pass a literal (lupdate extracts it). `disambiguation` tells apart one English text with two
    meanings (it becomes the .ts comment). Plurals: `tr("%n client(s)", None, count)`, with
    the count as the third *positional* argument: that is how lupdate knows it is a numerus form.
    """
    # Qt replaces %n with the count (n >= 0), translator or not.
    translated = _translate()(TR_CONTEXT, text, disambiguation, n)
    if n >= 0 and "(s)" in translated:
        # The English source itself (no translator): "1 day", "3 days".
        translated = translated.replace("(s)", "" if n == 1 else "s")
    return translated


def tr_marked(text: str) -> str:
    """The translation of a literal marked with QT_TR_NOOP where it is defined (store vocab)."""
    return _translate()(TR_CONTEXT, text)


_translator: Any = None


def _translate() -> Any:
    """QCoreApplication.translate, looked up once: tr() runs for every text on every screen,
    and an import statement in a function costs a call into PySide's import hook each time."""
    global _translator
    if _translator is None:
        from PySide6.QtCore import QCoreApplication

        _translator = QCoreApplication.translate
    return _translator


__all__ = [
    *sorted(_WHERE),
    "APPLICATION_SHORTCUT",
    "PASSPHRASE_HINTS",
    "PLAIN_TEXT",
    "TR_CONTEXT",
    "is_alive",
    "set_by_value",
    "tr",
    "tr_marked",
]
