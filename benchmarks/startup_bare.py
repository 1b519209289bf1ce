"""The reference for start-up time: a bare PySide6 window that opens and quits."""

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.show()
app.processEvents()
sys.exit(0)
