"""Search text: what a person typed, as safe search terms, and the marks around matches.

No vault, no files of the person's: pure text handling shared by the vault's FTS5 indexes
(advocate_app.store) and the reference library's in-memory index (advocate_app.library).
"""
