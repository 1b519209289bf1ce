"""A file's size written for people ("1,023 bytes", "1.5 kB", "2.3 GB"): one helper for the
command line and the ui, pure Python so the command line never loads Qt.

The ui passes its locale's separators; the units follow Qt's traditional format (powers of
1024, one decimal, half away from zero), so both say the same thing about the same backup.
"""

from __future__ import annotations

UNITS = ("kB", "MB", "GB", "TB", "PB")


def size_text(size_bytes: int, *, decimal_point: str = ".", group_separator: str = ",") -> str:
    if size_bytes < 1024:
        number = f"{size_bytes:,}"
        unit = "byte" if size_bytes == 1 else "bytes"
    else:
        from decimal import ROUND_HALF_UP, Decimal  # here: the command line starts without it

        power = min((size_bytes.bit_length() - 1) // 10, len(UNITS))
        value = (Decimal(size_bytes) / (1024**power)).quantize(Decimal("0.1"), ROUND_HALF_UP)
        number = f"{value:,.1f}"
        unit = UNITS[power - 1]
    # "," and "." are Python's own separators here; swap in the locale's without mixing them.
    number = number.replace(",", "\0").replace(".", decimal_point).replace("\0", group_separator)
    return f"{number} {unit}"
