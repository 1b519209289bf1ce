"""The Settings section: users and passphrases, the checklist template, office settings."""
