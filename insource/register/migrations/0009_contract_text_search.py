"""The register's text search through each database's own index (ADR 0050): pg_trgm trigram
GIN indexes on PostgreSQL, an FTS5 trigram table kept in step by triggers on SQLite. Nothing
for the model state: the indexes are expressions and a virtual table Django does not manage."""

from django.db import migrations

from insource.register import text_search


def create(apps, schema_editor):
    text_search.create_schema(schema_editor)


def drop(apps, schema_editor):
    text_search.drop_schema(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("register", "0008_register_uploads")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
