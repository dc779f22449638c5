"""The publishing side's models: review tasks, withdrawals and catalog revisions (``review``),
signed letters (``letters``) and the working-day calendar (``workdays``). Every name stays
importable as ``from publishing.models import X``."""

from .letters import CommitmentLetter, CommitmentLetterQuerySet, LetterAccessLog, LetterCounter
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
from .workdays import CalendarDayKind, HolidayDay, HolidayYear

__all__ = [
    "ApproveWithCommentForm",
    "CalendarDayKind",
    "CatalogRevision",
    "CatalogRevisionEntry",
    "CommitmentLetter",
    "CommitmentLetterQuerySet",
    "DepartmentLeaderApprovalTask",
    "GuideWithdrawal",
    "HolidayDay",
    "HolidayYear",
    "ItemWithdrawal",
    "JusticeBureauReviewTask",
    "LetterAccessLog",
    "LetterCounter",
    "ScopedReviewTask",
    "SendBackForm",
    "is_own_submission",
    "reviewed_models",
]
