"""The publishing side's models: review tasks, withdrawals and catalog revisions (``review``),
the countersign step (``routes``) and the letter wording's review step (``letter_wording``).
Every name is importable as ``from publishing.models import X``. Signed letters and the
working-day calendar moved to ``commitments`` (docs/adr/012-casework.md)."""

from .letter_wording import LetterWordingReviewTask
from .review import (
    ApproveWithCommentForm,
    CatalogRevision,
    CatalogRevisionEntry,
    DepartmentLeaderApprovalTask,
    GuideWithdrawal,
    ItemWithdrawal,
    JusticeBureauReviewTask,
    ScopedReviewTask,
    SendBackForm,
    is_own_submission,
    reviewed_models,
)
from .routes import CountersignerRole, CountersignTask

__all__ = [
    "ApproveWithCommentForm",
    "CatalogRevision",
    "CatalogRevisionEntry",
    "CountersignTask",
    "CountersignerRole",
    "DepartmentLeaderApprovalTask",
    "GuideWithdrawal",
    "ItemWithdrawal",
    "JusticeBureauReviewTask",
    "LetterWordingReviewTask",
    "ScopedReviewTask",
    "SendBackForm",
    "is_own_submission",
    "reviewed_models",
]
