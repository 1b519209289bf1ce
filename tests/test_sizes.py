"""A backup's size reads the same on the command line and in the app (one helper), with the
locale's separators in the app."""

from __future__ import annotations

import pytest

from advocate_app.sizes import size_text


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (1023, "1,023 bytes"),
        (1024, "1.0 kB"),
        (1536, "1.5 kB"),
        (1024**2 - 1, "1,024.0 kB"),
        (int(5.5 * 1024**2), "5.5 MB"),
        (int(2.25 * 1024**3), "2.3 GB"),  # half away from zero, as Qt rounds
        (3 * 1024**4, "3.0 TB"),
    ],
)
def test_sizes_in_words(size: int, text: str) -> None:
    assert size_text(size) == text


def test_the_locale_separators_never_mix() -> None:
    assert size_text(1024**2 - 1, decimal_point=",", group_separator=".") == "1.024,0 kB"
    assert size_text(1536, decimal_point=",", group_separator="\u00a0") == "1,5 kB"


def test_the_app_matches_qt_for_its_locale(qapp) -> None:  # type: ignore[no-untyped-def]
    from advocate_app.ui.format import size_text as shown
    from advocate_app.ui.qt import QLocale

    traditional = QLocale.DataSizeFormat.DataSizeTraditionalFormat
    previous = QLocale()
    for name in ("en_US", "es_US", "de_DE"):
        QLocale.setDefault(QLocale(name))
        try:
            for size in (0, 512, 1023, 1536, 10 * 1024**2 + 1, int(2.25 * 1024**3)):
                expected = QLocale().formattedDataSize(size, 1, traditional)
                assert shown(size) == expected.replace("Bytes", "bytes")
        finally:
            QLocale.setDefault(previous)
