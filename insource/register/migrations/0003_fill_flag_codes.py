"""Fill `flag_codes` for contracts imported before the field existed."""

from django.db import migrations


def fill(apps, schema_editor):
    Contract = apps.get_model("register", "Contract")
    batch = []
    for contract in Contract.objects.exclude(quality_flags=[]).only("id", "quality_flags"):
        codes = " ".join(f["code"] for f in contract.quality_flags)
        contract.flag_codes = f" {codes} " if codes else ""
        batch.append(contract)
        if len(batch) >= 1000:
            Contract.objects.bulk_update(batch, ["flag_codes"])
            batch = []
    Contract.objects.bulk_update(batch, ["flag_codes"])


class Migration(migrations.Migration):
    dependencies = [("register", "0002_flag_codes")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
