"""The review keeps its latest appraisal run's T4 figures (reviews 0006): fill them in for every
review that already has a run, as the run that was made would have handed them over. The
reviews' stored evaluations already hold these figures, so nothing is re-evaluated."""

from decimal import Decimal

from django.db import migrations

PIT = "public_interest_test.appraisal."


def _money(value):
    return f"{Decimal(str(value)):.2f}" if value >= 0 else None


def run_answers(run) -> list[list]:
    """The run's figures as [path, value] answers, as `appraisal.selectors.run_answers` gives
    them on the day of this migration."""
    r = run.results
    values = {
        "p_inhouse_cheaper": f"{Decimal(str(r['p_inhouse_cheaper'])):.4f}",
        "inhouse_cost_gbp": _money(r["options"]["inhouse"]),
        "outsourced_cost_gbp": _money(r["options"]["outsourced"]),
        "run_id": run.pk,
        "run_sha256": run.sha256,
    }
    return [[PIT + k, v] for k, v in values.items()]


def forward(apps, schema_editor):
    AppraisalRun = apps.get_model("appraisal", "AppraisalRun")
    Review = apps.get_model("reviews", "Review")
    latest = {}
    for run in AppraisalRun.objects.select_related("appraisal").order_by("number"):
        latest[run.appraisal.review_id] = run
    for review_id, run in latest.items():
        Review.objects.filter(pk=review_id).update(appraisal_answers=run_answers(run))


class Migration(migrations.Migration):
    dependencies = [
        ("appraisal", "0002_more_options"),
        ("reviews", "0006_review_appraisal_answers"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
