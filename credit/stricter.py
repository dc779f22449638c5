"""Stricter verification for applicants with a credit record (三(三): 将申请人的信用状况作为确定
核查办法的重要因素): an item's setting (``StricterVerification``) replaces the item's method —
also 免于核查 — for an applicant with any record (not revoked) decided in the last N years.

Registered as a method rule of ``commitments.verification.tasks`` in ``CreditConfig.ready``;
the rule applied is kept (``StricterVerificationApplied``) and shown on the task and letter.
"""

import datetime

from commitments.letters.enums import ApplicantKind
from privacy.crypto import lookup_hash

from .enums import RecordState
from .models import CreditRecord, StricterVerification, StricterVerificationApplied
from .periods import add_months


def applicant_number(letter) -> str:
    if letter.applicant_kind == ApplicantKind.PERSON:
        return letter.person_id_number
    return letter.organisation_id_number


def has_recent_record(number: str, years: int, day: datetime.date) -> bool:
    digest = lookup_hash(number or "", kind="id")
    if not digest:
        return False
    return (
        CreditRecord.objects.filter(id_hash=digest, decided_on__gt=add_months(day, -12 * years))
        .exclude(state=RecordState.REVOKED)
        .exists()
    )


def stricter_method(*, letter):
    """(method, description, on_saved) for the letter's task, or None when no rule applies."""
    setting = StricterVerification.objects.filter(item_id=letter.item_id).first()
    if setting is None or not has_recent_record(
        applicant_number(letter), setting.years, letter.signed_on
    ):
        return None
    description = setting.label

    def on_saved(task):
        StricterVerificationApplied.objects.create(
            task=task, setting=setting, description=description
        )

    return setting.method, description, on_saved
