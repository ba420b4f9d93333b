"""The committed docs/policy/ is exactly what `insource policy docs` generates today."""

from pathlib import Path

from insource.policy.docs import write_docs

COMMITTED = Path(__file__).resolve().parents[3] / "docs" / "policy"


def test_committed_policy_docs_are_current(tmp_path):
    written = write_docs(tmp_path)
    assert written, "write_docs wrote nothing"
    for path in written:
        committed = COMMITTED / path.name
        assert committed.exists(), f"docs/policy/{path.name} missing: run `insource policy docs`"
        assert committed.read_text() == path.read_text(), (
            f"docs/policy/{path.name} is stale: run `insource policy docs` and commit it"
        )
