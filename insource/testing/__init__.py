"""What tests build with: factory-boy factories per model and the shared builders that take a
review, a decision, a plan or a request through the real services (ADR 0026).

Not an app and never needed at run time: it is the top layer of `insource/layers.py`, so no
app may import it (the direction test enforces that), and it is left out of the wheel. Test
modules import their support from here and never from another test module
(`core/tests/test_test_support.py` checks); a `tests` package holds tests and conftest
fixtures only.

- `factories`: a factory per model (authorities, people and their roles, suppliers, contracts
  and their history, reviews, decisions, appraisals, plans, in-house services, requests).
- `workflow`: the review workflow through its services: an adopting council, its team, a
  refuse contract, a decided review, an outsourcing decision.
- `appraisal`, `appraisal_documents`: a reviewed contract with its appraisal; small appraisal
  documents for the engine's tests.
- `transition`, `inhouse`, `monitoring`, `model_contract`, `payroll`, `wealth`: the later
  stages, through their services.
- `information_requests`, `open_data`: requests made and confirmed; the small open-data world
  of the API and export tests.
- `policy`, `policy_strategies`: the policy engine's golden cases and hypothesis strategies.
- `register_imports`, `ocds_samples`, `real_samples`, `ocds_export`, `network`, `uploads`:
  import runs, OCDS releases, real rows, export validation, the network guard, evidence files.
- `feed_pages`: real Find a Tender pages and real-shaped ones made from them, and a pull of a
  folder of pages with its JSON summary.
- `fuzzing`: the hostile-input property tests' shared budget, settings and strategies.
- `say`: a comment window on a draft, comments made and confirmed (ADR 0036).
- `route_matrix`, `route_world`: one row per URL pattern, and the world every route is tried in.
- `sign_in`: signing an officer in past two-factor.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

# The register's "today" in tests: the session's real date is irrelevant, time is an argument.
TEST_TODAY = date(2026, 11, 23)
TEST_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
