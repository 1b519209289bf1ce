"""The Help section and the keyboard shortcuts dialog."""
