"""The screens before the shell: first run, set-up, recovery key, unlock, damaged vault."""
