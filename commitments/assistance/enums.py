"""Choices of assistance requests (协助核查)."""

from django.db import models

DEFAULT_ANSWER_WORKING_DAYS = 5


class ReplyKind(models.TextChoices):
    ANSWER = "answer", "答复核查结果"
    REFUSAL = "refusal", "书面告知不能协助"


# The letter's fields a request may share, and how each is read from the letter.
SHAREABLE = {
    "applicant": ("申请人姓名或单位名称", lambda lt: lt.person_name or lt.organisation_name),
    "id_number": (
        "申请人证件号码",
        lambda lt: lt.person_id_number or lt.organisation_id_number,
    ),
    "legal_representative": ("法定代表人（负责人）", lambda lt: lt.legal_representative),
    "conditions": ("申请人写明的符合条件情况", lambda lt: lt.conditions_statement),
    "signed_on": ("承诺日期", lambda lt: f"{lt.signed_on:%Y-%m-%d}"),
}
