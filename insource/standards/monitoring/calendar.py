"""The monitoring calendar of a contract that stays outsourced (POLICY.md §4): what falls due when.

Pure: no Django, no clock. Given what the decision set (its date, grounds, proposed terms), the
contract's dates, what has been recorded since (payroll returns, KPI assessments, capacity
progress reports) and the dated parameters, it lists every item with its due date and status
on a given day:

- the annual gender pay audit (MS4): a year after the last payroll return's pay date, or after
  the decision when there is none (`gender_pay.audit_interval_months`);
- the wage uplift after each Real Living Wage announcement (MS1): a payroll return dated on or
  after the rate's `required_from` date (the following 1 May, about six months on) with no
  worker below the rate; a return that shows workers below it is a breach;
- the KPI performance assessment (MS9) at least every `kpi.assessment_interval_months`;
- for a capacity ground, progress reports every `capacity.progress_report_months` and the
  re-review on the date the decision set;
- the term limit (MS5): the next term may run `proposed_terms.max_term_months` (never more than
  `contract_term.max_months`, or `capacity.max_months` on a capacity ground) from the day after
  the current contract ends; the next review opens `review.lead_time_months` before that.

Statuses: `done`, `upcoming`, `due-soon` (within `DUE_SOON_DAYS`), `overdue`, `breach`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from insource.core.dates import long_date
from insource.policy.params import Parameters

DUE_SOON_DAYS = 30
ALERTING = ("overdue", "breach")
CAPACITY = "OUTSOURCE_GOOD_REASON_CAPACITY"


@dataclass(frozen=True)
class PayrollSeen:
    """A payroll return as the calendar needs it: its pay date and whether anyone was short."""

    pay_on: date
    num_below_rate: int
    pk: int | None = None


@dataclass(frozen=True)
class Monitored:
    """Everything the calendar reads about one continuing contract."""

    decided_on: date
    grounds: Sequence[str]
    facts: dict
    contract_end_on: date | None
    is_london: bool | None
    payroll: Sequence[PayrollSeen] = ()
    kpi_assessed_on: Sequence[date] = ()
    capacity_reported_on: Sequence[date] = ()
    next_review_opened_on: date | None = None


@dataclass
class Item:
    """One thing that falls due: its key (stable per contract), the standard it serves, when."""

    key: str
    standard: str
    label: str
    due_on: date
    status: str
    detail: str = ""
    done_on: date | None = None
    evidence: dict = field(default_factory=dict)

    @property
    def is_alert(self) -> bool:
        return self.status in ALERTING


def _months(params: Parameters, name: str, on: date) -> int:
    return int(params.read(name, on).value)


def _status(due_on: date, on: date, done_on: date | None) -> str:
    if done_on is not None:
        return "done"
    if on > due_on:
        return "overdue"
    return "due-soon" if (due_on - on).days <= DUE_SOON_DAYS else "upcoming"


def calendar(m: Monitored, *, on: date, params: Parameters | None = None) -> list[Item]:
    """Every item of the contract's monitoring calendar on `on`, soonest first."""
    params = params or Parameters()
    items = [_gender_pay(m, on, params), _kpi(m, on, params)]
    items += _uplifts(m, on, params)
    items += _capacity(m, on, params)
    items += _term(m, on, params)
    return sorted(items, key=lambda i: (i.due_on, i.key))


def _gender_pay(m: Monitored, on: date, params: Parameters) -> Item:
    every = _months(params, "gender_pay.audit_interval_months", on)
    last = max((p.pay_on for p in m.payroll if p.pay_on <= on), default=None)
    due = (last or m.decided_on) + relativedelta(months=every)
    basis = f"last return paid {long_date(last)}" if last else "no payroll return yet"
    return Item(
        "gender-pay-audit",
        "MS4",
        "Annual payroll return: gender pay audit (the six measures) and fair wage check",
        due,
        _status(due, on, None),
        f"every {every} months; {basis}",
    )


def _kpi(m: Monitored, on: date, params: Parameters) -> Item:
    every = _months(params, "kpi.assessment_interval_months", on)
    last = max((d for d in m.kpi_assessed_on if d <= on), default=None)
    due = (last or m.decided_on) + relativedelta(months=every)
    basis = f"last assessed {long_date(last)}" if last else "not yet assessed"
    return Item(
        "kpi-assessment",
        "MS9",
        "KPI performance assessment, published",
        due,
        _status(due, on, None),
        f"at least every {every} months (Procurement Act 2023 s.71); {basis}",
    )


def _announcements(m: Monitored, on: date, params: Parameters):
    places = ["london" if m.is_london else "uk"] if m.is_london is not None else ["uk", "london"]
    for place in places:
        for entry in params.get(f"fair_wage.real_living_wage.{place}").entries:
            extra = dict(entry.extra)
            announced = extra.get("announced_on", entry.start)
            required = extra.get("required_from", entry.start)
            if announced <= on and required > m.decided_on:
                yield place, entry.value, announced, required


def _uplifts(m: Monitored, on: date, params: Parameters) -> list[Item]:
    items = []
    for place, rate, announced, required in _announcements(m, on, params):
        after = sorted((p for p in m.payroll if required <= p.pay_on <= on), key=lambda p: p.pay_on)
        first = after[0] if after else None
        status = _status(required, on, first.pay_on if first else None)
        if first is not None and first.num_below_rate:
            status = "breach"
        items.append(
            Item(
                f"wage-uplift-{place}-{required.isoformat()}",
                "MS1",
                f"Wage uplift to the Real Living Wage{' (London)' if place == 'london' else ''} "
                f"of £{rate}",
                required,
                status,
                _uplift_detail(announced, first),
                first.pay_on if first else None,
                {"payroll_return": first.pk} if first and first.pk else {},
            )
        )
    return items


def _uplift_detail(announced: date, first: PayrollSeen | None) -> str:
    text = f"announced {long_date(announced)}; shown by a payroll return on or after the date"
    if first is not None and first.num_below_rate:
        return text + f": {first.num_below_rate} workers below the rate on {first.pay_on}"
    return text


def _capacity(m: Monitored, on: date, params: Parameters) -> list[Item]:
    capacity = (m.facts.get("good_reasons") or {}).get("capacity") or {}
    re_review = _date(capacity.get("re_review_on"))
    if CAPACITY not in m.grounds or re_review is None:
        return []
    every = _months(params, "capacity.progress_report_months", on)
    items, due, n = [], m.decided_on + relativedelta(months=every), 1
    while due < re_review:
        done = _reported(m.capacity_reported_on, due, every, on)
        items.append(
            Item(
                f"capacity-progress-{n}",
                "MS5",
                f"Capacity plan progress report {n}",
                due,
                _status(due, on, done),
                f"every {every} months until the re-review",
                done,
            )
        )
        due, n = m.decided_on + relativedelta(months=every * (n + 1)), n + 1
    items.append(
        Item(
            "capacity-re-review",
            "MS5",
            "Capacity re-review: can the service now come in house?",
            re_review,
            _status(re_review, on, None),
            "the date the decision set; the no-fault break applies from it",
        )
    )
    return items


def _reported(dates: Sequence[date], due: date, every: int, on: date) -> date | None:
    """The first report for the period ending `due`: after the previous due date, before the
    next one (a late report still counts), and not after `on`."""
    start, end = due - relativedelta(months=every), min(due + relativedelta(months=every), on)
    return min((d for d in dates if start < d <= end), default=None)


def term_limit(m: Monitored, on: date, params: Parameters) -> tuple[date, int] | None:
    """The latest end of the next term (extensions included) and its length in months."""
    start = (m.contract_end_on + timedelta(days=1)) if m.contract_end_on else m.decided_on
    cap = _months(params, "contract_term.max_months", on)
    if CAPACITY in m.grounds:
        cap = min(cap, _months(params, "capacity.max_months", on))
    proposed = (m.facts.get("proposed_terms") or {}).get("max_term_months")
    months = min(int(proposed), cap) if proposed else cap
    return start + relativedelta(months=months) - timedelta(days=1), months


def _term(m: Monitored, on: date, params: Parameters) -> list[Item]:
    end, months = term_limit(m, on, params)
    lead = _months(params, "review.lead_time_months", on)
    opens = end - relativedelta(months=lead)
    return [
        Item(
            "next-review-opens",
            "MS5",
            "The next review opens (before the term limit)",
            opens,
            _status(opens, on, m.next_review_opened_on),
            f"{lead} months before the term limit",
        ),
        Item(
            "term-limit",
            "MS5",
            f"Term limit: the contract ends, extensions included ({months} months)",
            end,
            _status(end, on, None),
            "time-limited contract; the next term starts the day after the current one ends",
        ),
    ]


def _date(value) -> date | None:
    if isinstance(value, date) or value is None:
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
