"""The casework's models: signed letters (``letters``), the working-day calendar
(``workdays``) the cases (``cases``), their verification
(``verification``) and false commitments (``false_commitments``). Every name is importable as
``from commitments.models import X``.

The tables keep the names they had in ``publishing`` (``Meta.db_table``): the models moved
between apps without touching the database (docs/adr/012-casework.md)."""

from .assistance import AssistanceReply, AssistanceRequest, AssistanceRequestQuerySet
from .cases import (
    Case,
    CaseCorrection,
    CaseCorrectionKind,
    CaseQuerySet,
    ChoiceEntry,
    ReturnDeadline,
)
from .false_commitments import FalseCommitment, Measure, RectificationFollowUp
from .letters import CommitmentLetter, CommitmentLetterQuerySet, LetterAccessLog, LetterCounter
from .reminders import ReminderKind, ReminderSent
from .sampling import Inspector, SamplingDraw, SamplingRun
from .verification import (
    VerificationEvidence,
    VerificationResult,
    VerificationTask,
    VerificationTaskQuerySet,
)
from .workdays import CalendarDayKind, HolidayDay, HolidayYear

__all__ = [
    "AssistanceReply",
    "AssistanceRequest",
    "AssistanceRequestQuerySet",
    "CalendarDayKind",
    "Case",
    "CaseCorrection",
    "CaseCorrectionKind",
    "CaseQuerySet",
    "ChoiceEntry",
    "CommitmentLetter",
    "CommitmentLetterQuerySet",
    "FalseCommitment",
    "HolidayDay",
    "HolidayYear",
    "Inspector",
    "LetterAccessLog",
    "LetterCounter",
    "Measure",
    "RectificationFollowUp",
    "ReminderKind",
    "ReminderSent",
    "ReturnDeadline",
    "SamplingDraw",
    "SamplingRun",
    "VerificationEvidence",
    "VerificationResult",
    "VerificationTask",
    "VerificationTaskQuerySet",
]
