"""The reviews app's models: provisional screenings, the review workflow, decisions."""

from insource.reviews.models.comments import (
    CommentWindow,
    Moderation,
    PublicComment,
    Stance,
    WithheldReason,
)
from insource.reviews.models.decisions import (
    Decision,
    DepartureAdvice,
    ImmutableError,
    ImmutableQuerySet,
    Publication,
)
from insource.reviews.models.policy_versions import PolicyVersion
from insource.reviews.models.screening import Screening, ScreeningTrace
from insource.reviews.models.workflow import (
    Evidence,
    Review,
    ReviewAnswer,
    ReviewComment,
    ReviewState,
    ReviewStatus,
    Trigger,
)

__all__ = [
    "CommentWindow",
    "Moderation",
    "PublicComment",
    "Stance",
    "WithheldReason",
    "Decision",
    "DepartureAdvice",
    "Evidence",
    "ImmutableError",
    "ImmutableQuerySet",
    "PolicyVersion",
    "Publication",
    "Review",
    "ReviewAnswer",
    "ReviewComment",
    "ReviewState",
    "ReviewStatus",
    "Screening",
    "ScreeningTrace",
    "Trigger",
]
