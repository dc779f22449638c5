"""The exclusion from the commitment route (二(三)): an applicant with an unrepaired record of
a false commitment, or a 较重/严重 record, may not commit until the record is repaired.

Registered as a check of ``commitments.letters.eligibility`` in ``CreditConfig.ready``. The
lookup is exact by the keyed hash of the identity number (never the plain number); each
refusal is recorded (``ExclusionRefusal``: department, item, hash, record — no personal data).
The message names the recording department and its contact phone and nothing else.
"""

from django.utils import timezone

from privacy.crypto import lookup_hash

from .enums import EXCLUDING_GRADES, EXCLUDING_STATES, Behaviour, RefusalStage
from .models import CreditRecord, ExclusionRefusal

REFUSAL = (
    "该申请人存在尚未修复的失信记录（{contact}），在信用修复前不适用告知承诺制，"
    "请按原程序提交证明材料"
)


def excludes(row: dict, today) -> bool:
    """The rule of ``CreditRecordQuerySet.excluding`` on one row (same states and grades)."""
    return (
        row["state"] in EXCLUDING_STATES
        and row["publicity_end"] >= today
        and (row["behaviour"] == Behaviour.FALSE_COMMITMENT or row["grade"] in EXCLUDING_GRADES)
    )


def excluding_record(id_number: str, today=None):
    """The earliest record excluding the holder of ``id_number`` on ``today``, or None.

    One probe of the covering index reads the few rows of this subject (no table row, no
    decryption); the rule is applied to them in Python."""
    digest = lookup_hash(id_number, kind="id")
    if not digest:
        return None
    today = today or timezone.localdate()
    rows = CreditRecord.objects.filter(id_hash=digest).values(
        "pk", "state", "behaviour", "grade", "publicity_end", "decided_on", "department_id"
    )
    hits = sorted(
        (r["decided_on"], r["pk"], r["department_id"]) for r in rows if excludes(r, today)
    )
    if not hits:
        return None
    # A handle of the record (its pk, hash and department: all a refusal needs), so that the
    # lookup never leaves the covering index; compare or reload it like any instance.
    _, pk, department_id = hits[0]
    return CreditRecord(pk=pk, id_hash=digest, department_id=department_id)


def refusal_message(record) -> str:
    department = record.department
    phone = department.public_phone or department.liaison_office_phone
    contact = f"认定单位：{department.name}" + (f"，联系电话：{phone}" if phone else "")
    return REFUSAL.format(contact=contact)


def credit_refusal(*, user, item, applicant, stage, today=None):
    record = excluding_record(applicant.id_number, today)
    if record is None:
        return None
    ExclusionRefusal.objects.create(
        department_id=item.department_id,
        item=item,
        stage=RefusalStage.FORM if stage == "form" else RefusalStage.LETTER,
        subject_hash=record.id_hash,
        record=record,
        user=user,
    )
    return refusal_message(record)
