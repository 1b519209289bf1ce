"""The Resources section: the office's own directory of local services."""
