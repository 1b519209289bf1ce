"""The Reference section: the shipped articles and resources, read, searched and printed."""
