"""Choosing files and folders without leaving a trace: Qt's file dialog records the folders a
person visits in QtProject.conf, so every chooser here erases that record afterwards."""

from __future__ import annotations

from pathlib import Path

from advocate_app.ui.qt import QFileDialog, QSettings, QWidget


def forget_file_dialog_folders() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.sync()


def ask_save_path(
    parent: QWidget,
    title: str,
    default_name: str,
    filter_text: str,
    *,
    confirm_overwrite: bool = True,
) -> Path | None:
    """confirm_overwrite=False when the caller asks itself (with a button naming the action)."""
    try:
        if confirm_overwrite:
            chosen, _ = QFileDialog.getSaveFileName(parent, title, default_name, filter_text)
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                parent,
                title,
                default_name,
                filter_text,
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
    finally:
        forget_file_dialog_folders()
    return Path(chosen) if chosen else None


def ask_open_path(
    parent: QWidget, title: str, filter_text: str, start_folder: Path | None = None
) -> Path | None:
    start = str(start_folder) if start_folder and start_folder.is_dir() else ""
    try:
        chosen, _ = QFileDialog.getOpenFileName(parent, title, start, filter_text)
    finally:
        forget_file_dialog_folders()
    return Path(chosen) if chosen else None


def ask_folder(parent: QWidget, title: str) -> Path | None:
    try:
        chosen = QFileDialog.getExistingDirectory(parent, title)
    finally:
        forget_file_dialog_folders()
    return Path(chosen) if chosen else None
