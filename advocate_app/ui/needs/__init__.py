"""A client's needs: the tree model, the status editor, the add dialogs, the selected need's
form and the tab that holds them."""
