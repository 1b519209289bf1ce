"""The Backups section and the restore dialog."""
