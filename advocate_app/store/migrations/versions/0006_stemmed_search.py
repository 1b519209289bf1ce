"""Search that finds word forms: notes and local resources indexed with the porter stemmer.

"planning" now finds "plan", "hearings" finds "hearing", in the vault as in the reference.
The FTS5 tables are rebuilt from their content tables with the new tokenizer (still
accent-folding, still secure-delete). Client aliases keep the plain tokenizer: names are not
stemmed. fts5vocab views over the three indexes let a word that matched nothing be corrected
against the words the vault really holds; they store nothing.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

PLAIN = "tokenize='unicode61 remove_diacritics 2', prefix='2 3'"
STEMMED = "tokenize='porter unicode61 remove_diacritics 2', prefix='2 3'"
# table, its FTS columns; the triggers are those of 0002 and 0004, unchanged.
INDEXES = (("notes", ("body",)), ("resources", ("name", "notes", "county")))
VOCAB = ("notes_fts", "clients_fts", "resources_fts")


def _recreate(table: str, columns: tuple[str, ...], options: str) -> None:
    fts = f"{table}_fts"
    op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({', '.join(columns)}, "
        f"content='{table}', content_rowid='id', {options})"
    )
    op.execute(f"INSERT INTO {fts}({fts}, rank) VALUES('secure-delete', 1)")
    op.execute(f"INSERT INTO {fts}({fts}) VALUES('rebuild')")


def upgrade() -> None:
    for table, columns in INDEXES:
        _recreate(table, columns, STEMMED)
    for fts in VOCAB:
        op.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts}_vocab USING fts5vocab({fts}, 'row')")


def downgrade() -> None:
    for fts in VOCAB:
        op.execute(f"DROP TABLE IF EXISTS {fts}_vocab")
    for table, columns in INDEXES:
        _recreate(table, columns, PLAIN)
