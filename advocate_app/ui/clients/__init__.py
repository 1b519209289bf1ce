"""The Clients section: the client list, the selected record with its tabs (notes, profile,
releases; needs and appointments come from their own packages) and the dialogs around it."""
