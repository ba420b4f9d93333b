"""Input errors: each names the field path, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputProblem:
    """One problem with an appraisal document."""

    path: str
    message: str
    fix: str = ""

    def __str__(self) -> str:
        text = f"{self.path or '(document)'}: {self.message}"
        return f"{text}. Fix: {self.fix}" if self.fix else text


class AppraisalInputError(Exception):
    """The document cannot be appraised; `problems` lists every fault found."""

    def __init__(self, problems: list[InputProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def dotted(parts) -> str:
    """`["options", "inhouse", "lines", 2, "rate_pct"]` -> `options.inhouse.lines[2].rate_pct`."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
