"""Indexes for the register search at a million contracts (issue 21; docs/performance.md,
"PostgreSQL at a million contracts"): the default sort's order on the contracts the lists
show (both databases); on PostgreSQL only, the descending sorts' (NULLS LAST, which SQLite's
CREATE INDEX refuses), trigram indexes for the two "contains" filters that are not text search
(the CPV prefix among a contract's codes, the data-quality flag) and a covering index for an
authority's figures (INCLUDE, on which Django warns on SQLite if it is in the model's Meta)."""

from django.db import migrations, models

POSTGRES_CREATE = [
    # ContractFilter.filter_cpv: UPPER(cpv_codes::text) LIKE UPPER('%"905%') (Django's icontains)
    "CREATE INDEX IF NOT EXISTS contract_cpv_codes_trgm ON register_contract "
    "USING gin (upper(cpv_codes::text) gin_trgm_ops)",
    # ContractFilter.filter_flag: flag_codes LIKE '% CODE %' (Django's contains)
    "CREATE INDEX IF NOT EXISTS contract_flag_codes_trgm ON register_contract "
    "USING gin (flag_codes gin_trgm_ops)",
    # The descending sorts ("-end", "-value"), NULLs last as the sorts put them (SQLite's
    # CREATE INDEX refuses NULLS LAST: these two are PostgreSQL's only).
    "CREATE INDEX IF NOT EXISTS contract_listed_end_latest ON register_contract "
    "(end_on DESC NULLS LAST, id DESC) WHERE duplicate_of_id IS NULL",
    "CREATE INDEX IF NOT EXISTS contract_listed_value ON register_contract "
    "(value_inc_vat DESC NULLS LAST, id) WHERE duplicate_of_id IS NULL",
    # An authority's figures on its public page (community wealth's spend, the places panel,
    # the register's counts) read these columns of all its contracts: covering, they are read
    # from the index alone instead of ~11,000 scattered heap pages for a large council.
    "CREATE INDEX IF NOT EXISTS contract_authority_figures ON register_contract "
    "(reviewing_authority_id) "
    "INCLUDE (id, is_framework, value_inc_vat, main_cpv, end_on, duplicate_of_id)",
]
POSTGRES_DROP = [
    "DROP INDEX IF EXISTS contract_cpv_codes_trgm",
    "DROP INDEX IF EXISTS contract_flag_codes_trgm",
    "DROP INDEX IF EXISTS contract_authority_figures",
    "DROP INDEX IF EXISTS contract_listed_end_latest",
    "DROP INDEX IF EXISTS contract_listed_value",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_CREATE:
            schema_editor.execute(sql, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_DROP:
            schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('authorities', '0007_audit_committee_member_role'),
        ('register', '0009_contract_text_search'),
    ]

    operations = [
        migrations.RunPython(create, drop, elidable=False),
        migrations.AddIndex(
            model_name='contract',
            index=models.Index(condition=models.Q(('duplicate_of__isnull', True)), fields=['end_on', 'id'], name='contract_listed_end'),
        ),
        migrations.AddIndex(
            model_name='contract',
            index=models.Index(condition=models.Q(('duplicate_of__isnull', True)), fields=['reviewing_authority', 'end_on', 'id'], name='contract_listed_authority_end'),
        ),
    ]
