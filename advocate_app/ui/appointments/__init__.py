"""A client's appointments and court dates: the table model, the add/edit dialog and the tab."""
