"""The Today page: what needs the advocate's attention, in four groups."""
