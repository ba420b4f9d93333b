"""The database cache's table (ADR 0017): the public API's rate-limit counters live there
unless REDIS_URL is set, so `insource migrate` makes it. Idempotent: `createcachetable`
skips a table that exists and does nothing for a Redis cache."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies: list = []

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
