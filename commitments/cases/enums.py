"""Choices of the casework (办件): the applicant's choice, the outcome of a case."""

from django.db import models


class ApplicantChoice(models.TextChoices):
    """How the applicant chose to meet a certificate requirement (实施方案 三、(一))."""

    COMMITMENT = "commitment", "告知承诺"
    CERTIFICATE = "certificate", "提交证明"


class CaseOutcome(models.TextChoices):
    GRANTED = "granted", "准予"
    REFUSED = "refused", "不予"
    TERMINATED = "terminated", "终止办理"


class CaseStatus(models.TextChoices):
    """Where a case stands; derived from its dates, never stored."""

    FORM_TO_SEND = "form_to_send", "告知承诺书待送达"
    AWAITING_RETURN = "awaiting_return", "待递交承诺书"
    RETURN_OVERDUE = "return_overdue", "逾期未递交"
    LETTER_RECEIVED = "letter_received", "已递交承诺书，待办结"
    WITHDRAWN = "withdrawn", "已撤回承诺，按原程序办理"
    CONCLUDED = "concluded", "已办结"


# The department default when it has set none (working days after the form was given).
DEFAULT_RETURN_WORKING_DAYS = 10
