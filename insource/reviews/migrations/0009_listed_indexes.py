"""The published decisions newest first (the public API), and on PostgreSQL the count of an
authority's reviews blocked until standards are met (its public page; issue 21)."""

from django.conf import settings
from django.db import migrations, models

# reviews_blocked(authority): NOT is_signed AND evaluation #> '{result,status}' = '"blocked…"'.
# Partial: the planner answers the count from the few blocked reviews, not by reading every
# open review's evaluation (≈14 KB of JSON each) of a large council.
POSTGRES_CREATE = (
    "CREATE INDEX IF NOT EXISTS review_authority_blocked ON reviews_review (authority_id) "
    "WHERE NOT is_signed "
    "AND (evaluation #> '{result,status}') = '\"blocked_until_standards_met\"'::jsonb"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_CREATE, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS review_authority_blocked", params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0008_comment_windows'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
        migrations.AddIndex(
            model_name='publication',
            index=models.Index(models.OrderBy(models.F('published_at'), descending=True), models.OrderBy(models.F('decision'), descending=True), name='publication_newest'),
        ),
    ]
