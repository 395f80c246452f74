"""Create the full-text index: an FTS5 table on SQLite, French text search on PostgreSQL."""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS library_fts USING fts5("
    "title, t1, t2, t3, tokenize = 'unicode61 remove_diacritics 2')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS library_fts"]

# unaccent first, then the French Snowball stemmer: "Déchets" and "dechet" meet.
POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'confiance_fr') THEN
            CREATE TEXT SEARCH CONFIGURATION confiance_fr (COPY = french);
            ALTER TEXT SEARCH CONFIGURATION confiance_fr
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
        END IF;
    END $$""",
    "ALTER TABLE library_searchdocument ADD COLUMN tsv1 tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('confiance_fr', title), 'A') || setweight(to_tsvector('confiance_fr', text1), 'B')) STORED",
    "ALTER TABLE library_searchdocument ADD COLUMN tsv2 tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('confiance_fr', title), 'A') || setweight(to_tsvector('confiance_fr', text1), 'B')"
    " || setweight(to_tsvector('confiance_fr', text2), 'C')) STORED",
    "ALTER TABLE library_searchdocument ADD COLUMN tsv3 tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('confiance_fr', title), 'A') || setweight(to_tsvector('confiance_fr', text1), 'B')"
    " || setweight(to_tsvector('confiance_fr', text2), 'C') || setweight(to_tsvector('confiance_fr', text3), 'D')) STORED",
    "CREATE INDEX library_searchdocument_tsv1 ON library_searchdocument USING GIN (tsv1)",
    "CREATE INDEX library_searchdocument_tsv2 ON library_searchdocument USING GIN (tsv2)",
    "CREATE INDEX library_searchdocument_tsv3 ON library_searchdocument USING GIN (tsv3)",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE library_searchdocument DROP COLUMN IF EXISTS tsv1",
    "ALTER TABLE library_searchdocument DROP COLUMN IF EXISTS tsv2",
    "ALTER TABLE library_searchdocument DROP COLUMN IF EXISTS tsv3",
]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(schema_editor.connection.vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
