"""Choices of the credit register (ADR 018)."""

from django.db import models


class SubjectKind(models.TextChoices):
    PERSON = "person", "自然人"
    ORGANISATION = "organisation", "法人和其他组织"


class Behaviour(models.TextChoices):
    FALSE_COMMITMENT = "false_commitment", "虚假承诺"
    SERIOUSLY_UNTRUE = "seriously_untrue", "承诺严重不实"
    UNFULFILLED = "unfulfilled", "不履行承诺"


class Grade(models.TextChoices):
    ORDINARY = "ordinary", "一般"
    GRAVE = "grave", "较重"
    SERIOUS = "serious", "严重"


class RecordState(models.TextChoices):
    VALID = "valid", "有效"
    OBJECTING = "objecting", "异议中"
    CORRECTED = "corrected", "已更正"
    REVOKED = "revoked", "已撤销"
    REPAIRING = "repairing", "修复申请中"
    REPAIRED = "repaired", "已修复"
    REPAIR_REFUSED = "repair_refused", "修复未通过"
    EXPIRED = "expired", "已到期"


class FiledWith(models.TextChoices):
    DEPARTMENT = "department", "认定单位"
    BUREAU = "bureau", "司法局"


class ObjectionDecision(models.TextChoices):
    UPHELD = "upheld", "维持"
    CORRECTED = "corrected", "更正"
    REVOKED = "revoked", "撤销"


class RepairDecision(models.TextChoices):
    PASSED = "passed", "准予修复"
    REFUSED = "refused", "不予修复"


class RefusalStage(models.TextChoices):
    LETTER = "letter", "登记承诺书"
    FORM = "form", "发放告知承诺书"


# The states in which a record still excludes the applicant (ADR 018): a record of 虚假承诺 of
# any grade, or of any behaviour graded 较重 or 严重, until it is repaired, revoked or expired.
# 已更正 stands in its corrected form (its corrected grade decides, as for 有效).
EXCLUDING_STATES = (
    RecordState.VALID,
    RecordState.CORRECTED,
    RecordState.OBJECTING,
    RecordState.REPAIRING,
    RecordState.REPAIR_REFUSED,
)
EXCLUDING_GRADES = (Grade.GRAVE, Grade.SERIOUS)
# What the subject may dispute or ask to repair: a record in force (a corrected record was
# disputed already; it is repaired like a valid one).
OPEN_STATES = (RecordState.VALID,)
REPAIRABLE_STATES = (RecordState.VALID, RecordState.CORRECTED, RecordState.REPAIR_REFUSED)
# What the daily run marks 已到期 once the maximum period has passed.
EXPIRING_STATES = (RecordState.VALID, RecordState.CORRECTED, RecordState.REPAIR_REFUSED)
# Default working days for an objection decision (settings.CREDIT_OBJECTION_WORKING_DAYS).
DEFAULT_OBJECTION_WORKING_DAYS = 10
