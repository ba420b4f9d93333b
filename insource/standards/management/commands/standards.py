"""`insource standards gender-pay|fair-wage RETURN`: minimum standards checked on a payroll return.

gender-pay: the six measures of the Equality Act 2010 (Gender Pay Gap Information) Regulations
2017 (MS4), the provider's own staff at top level and subcontractors' staff beside them.
fair-wage: every worker paid below the applicable rate (MS1). The template: docs/payroll-return.md.
alerts: raise an alert for every overdue or breached item of continuing contracts' monitoring
calendars and email their contract managers once (run it daily from cron; idempotent).
"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from insource.core.audit import Actor
from insource.core.cli_output import print_json
from insource.core.jobs import job_queue, print_queued
from insource.core.spreadsheets import SheetError
from insource.policy import PolicyError
from insource.standards.model_contract import cli as model_contract_cli
from insource.standards.payroll.fair_wage import check_return
from insource.standards.payroll.gender_pay import QUARTILES, report
from insource.standards.payroll.returns import PayrollError, read_return


class Command(BaseCommand):
    help = "Minimum standards on a supplier's payroll return: gender pay audit and fair wage."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        gender = sub.add_parser("gender-pay", help="the six statutory gender pay gap measures")
        gender.add_argument("path", metavar="RETURN", help="payroll return, CSV or XLSX")
        gender.add_argument("--json", action="store_true", help="print the measures as JSON")
        wage = sub.add_parser("fair-wage", help="workers paid below the applicable rate")
        wage.add_argument("path", metavar="RETURN", help="payroll return, CSV or XLSX")
        wage.add_argument("--on", help="check every worker on this date YYYY-MM-DD")
        wage.add_argument("--json", action="store_true", help="print the results as JSON")
        model_contract_cli.add_parser(sub)
        alerts = sub.add_parser("alerts", help="raise monitoring alerts (daily, from cron)")
        alerts.add_argument("--on", help="the day to check, YYYY-MM-DD (default: today)")
        alerts.add_argument("--authority", help="one authority's code (default: every one)")
        alerts.add_argument("--json", action="store_true", help="print what was raised as JSON")
        alerts.add_argument(
            "--queue",
            action="store_true",
            help="queue the run for the background worker (queue 'alerts') and return at once",
        )

    def handle(self, *args, **opts):
        if opts["action"] == "alerts":
            return self._alerts(opts)
        if opts["action"] == "model-contract":
            return model_contract_cli.handle(self, opts, at=timezone.now())
        try:
            workers = read_return(opts["path"])
        except (PayrollError, SheetError) as exc:
            raise CommandError(str(exc)) from None
        getattr(self, f"_{opts['action'].replace('-', '_')}")(workers, opts)

    def _gender_pay(self, workers, opts):
        data = report(workers)
        if opts["json"]:
            print_json(data, self.stdout)
            return
        self.stdout.write(_gender_text("Provider's own staff", data))
        if data["subcontractors"]:
            self.stdout.write(_gender_text("Subcontractors' staff", data["subcontractors"]))

    def _fair_wage(self, workers, opts):
        on = _date(opts["on"]) if opts["on"] else None
        try:
            data = check_return(workers, on=on)
        except PolicyError as exc:
            raise CommandError(str(exc)) from None
        if opts["json"]:
            print_json(data, self.stdout)
            return
        s = data["summary"]
        self.stdout.write(
            f"{s['workers']} workers: {s['below_rate']} below the applicable rate "
            f"({s['below_national_living_wage']} below the National Living Wage), "
            f"{s['uplift_due']} with an uplift due, {s['not_checked']} not checked (leave); "
            f"total shortfall £{s['total_shortfall_per_period']} for the pay period."
        )
        for r in data["workers"]:
            if r["status"] in {"below rate", "uplift due"}:
                self.stdout.write(_wage_line(r))

    def _queue_alerts(self, on, opts):
        from insource.standards.monitoring.cli import authority_checked
        from insource.standards.monitoring.tasks import KIND, standards_alerts_job

        code = authority_checked(opts["authority"])
        job = job_queue(
            task=standards_alerts_job,
            kind=KIND,
            by=Actor.system("standards alerts"),
            at=timezone.now(),
            params={"on": on.isoformat(), "authority": code},
            subject=f"{on.isoformat()} {code}".strip(),
        )
        print_queued(job, self.stdout, as_json=opts["json"])

    def _alerts(self, opts):
        from insource.standards.monitoring.cli import alerts_run

        on = _date(opts["on"]) if opts["on"] else timezone.localdate()
        if opts["queue"]:
            return self._queue_alerts(on, opts)
        data = alerts_run(on=on, at=timezone.now(), code=opts["authority"])
        if opts["json"]:
            print_json(data, self.stdout)
            return
        self.stdout.write(
            f"{len(data['raised'])} alerts raised, {data['already']} already raised, "
            f"{data['notified']} emails sent (on {on.isoformat()})"
        )
        for a in data["raised"]:
            self.stdout.write(
                f"  {a['authority']} contract {a['contract']}: {a['label']} "
                f"({a['standard']}), {a['status']}, due {a['due_on']}"
            )


def _pct(value) -> str:
    return "null" if value is None else f"{value}%"


def _gender_text(title: str, d: dict) -> str:
    lines = [
        f"{title}: {d['num_employees']} employees, {d['num_full_pay_relevant']} full-pay relevant",
        f"  mean hourly gap {_pct(d['mean_hourly_gap'])}, "
        f"median hourly gap {_pct(d['median_hourly_gap'])}",
        f"  mean bonus gap {_pct(d['mean_bonus_gap'])}, "
        f"median bonus gap {_pct(d['median_bonus_gap'])}",
        f"  men paid a bonus {_pct(d['male_bonus_pct'])}, "
        f"women paid a bonus {_pct(d['female_bonus_pct'])}",
    ]
    lines += [
        f"  {name.replace('_', ' ')} quartile: {_pct(v)} women"
        for name, v in zip(QUARTILES, d["quartiles"], strict=True)
    ]
    lines += [f"  {key}: {why}" for key, why in d["reasons"].items()]
    return "\n".join(lines)


def _wage_line(r: dict) -> str:
    if r["status"] == "below rate":
        return (
            f"  row {r['row']} {r['worker_ref']}: £{r['hourly_pay']}/h below "
            f"£{r['applicable_rate']} ({r['rate_basis']}) on {r['on']}: short "
            f"£{r['shortfall_per_hour']}/h, £{r['shortfall_per_period']} for the period"
        )
    return (
        f"  row {r['row']} {r['worker_ref']}: uplift due to £{r['announced_rate']}/h by "
        f"{r['uplift_required_from']} (paid £{r['hourly_pay']}/h)"
    )


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--on {text!r} is not a date: use YYYY-MM-DD") from None
