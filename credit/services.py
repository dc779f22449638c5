"""Every write of credit records: check, act, keep in history with who and why.

A record is made by a clerk of the recording department, by hand with its decision document
or prefilled from a verification result that found the commitment false (``from_finding``).
The grade comes from the grading rule applied; the publicity period from the grade.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from catalog.text import clean_text
from commitments.letters.enums import ApplicantKind
from commitments.letters.identity import credit_code_error, resident_id_error
from commitments.verification.enums import FALSE_FINDINGS, VerificationFinding
from privacy.crypto import lookup_hash
from privacy.normalize import identity_number
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .enums import EXPIRING_STATES, Behaviour, RecordState, SubjectKind
from .models import CreditRecord, GradingRule
from .periods import period_for
from .rules import OWN_DEPARTMENT_ONLY, user_records

SYSTEM_START = datetime.date(2021, 1, 1)


def _line(value) -> str:
    return clean_text(value or "", multiline=False).strip()


def date_error(label, value, today, not_before=None) -> str:
    if value is None:
        return f"请填写{label}。"
    if value > today:
        return f"{label}（{value:%Y-%m-%d}）不能晚于今天。"
    if value < SYSTEM_START:
        return f"{label}（{value:%Y-%m-%d}）早于2021年本旗推行告知承诺制，请检查年份。"
    if not_before and value < not_before[0]:
        return f"{label}（{value:%Y-%m-%d}）不能早于{not_before[1]}（{not_before[0]:%Y-%m-%d}）。"
    return ""


def save_with_reason(obj, user, reason: str, fields=None):
    """Save ``obj`` so that its history row says who and why."""
    obj._history_user = user
    obj._change_reason = reason[:100]
    if isinstance(obj, CreditRecord):
        obj.changed_at = timezone.now()
        if fields is not None:
            fields = [*fields, "changed_at"]
    obj.save(update_fields=fields)
    return obj


def change_state(record, user, state, reason: str) -> CreditRecord:
    old = record.get_state_display()
    record.state = state
    save_with_reason(record, user, f"{old}→{record.get_state_display()}：{reason}", ["state"])
    return record


def identity_error(kind: str, number: str, today) -> str:
    if not number:
        return "请填写证件号码。"
    if kind == SubjectKind.PERSON:
        return resident_id_error(number, today)
    return credit_code_error(number)


def prefill_from_result(result) -> dict:
    """The fields a record made from a verification result starts with."""
    letter = result.task.letter
    person = letter.applicant_kind == ApplicantKind.PERSON
    fc = getattr(result, "false_commitment", None)
    measures = ""
    if fc is not None:
        measures = "；".join(
            f"{m.get_kind_display()}（{m.document_number}，{m.decided_on:%Y-%m-%d}）"
            for m in fc.measures.all()
        )
    return {
        "subject_kind": SubjectKind.PERSON if person else SubjectKind.ORGANISATION,
        "subject_name": letter.person_name if person else letter.organisation_name,
        "id_number": letter.person_id_number if person else letter.organisation_id_number,
        "behaviour": (
            Behaviour.FALSE_COMMITMENT
            if result.finding == VerificationFinding.FALSE
            else Behaviour.SERIOUSLY_UNTRUE
        ),
        "measures": measures,
    }


@transaction.atomic
def record_create(
    *,
    user,
    department,
    subject_kind,
    subject_name,
    id_number,
    behaviour,
    rule,
    decided_on,
    document_number,
    measures="",
    publicity_start=None,
    publicised=False,
    legal_basis="",
    source_result=None,
    today=None,
) -> CreditRecord:
    """Record a dishonest commitment of the user's own department."""
    today = today or timezone.localdate()
    if not user_records(user, department.pk):
        raise PermissionDenied(OWN_DEPARTMENT_ONLY)
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    number = identity_number(id_number or "")
    if subject_kind not in SubjectKind.values:
        add("subject_kind", "请选择主体类型（自然人或法人和其他组织）。")
    elif message := identity_error(subject_kind, number, today):
        add("id_number", message)
    subject_name = _line(subject_name)
    if not subject_name:
        add("subject_name", "请填写主体名称（自然人填写姓名）。")
    term = reader.term(Vocabulary.CREDIT_BEHAVIOUR, behaviour or "")
    if term is None or not term.active:
        add("behaviour", "请选择失信行为。")
    if rule is None or not rule.active:
        add("rule", "请选择适用的失信认定规则。")
    elif rule.behaviour != behaviour:
        add("rule", f"所选规则适用于“{rule.get_behaviour_display()}”，与失信行为不一致。")
    if message := date_error("认定日期", decided_on, today):
        add("decided_on", message)
    publicity_start = publicity_start or decided_on
    if decided_on and publicity_start and publicity_start < decided_on:
        add("publicity_start", "公示起始日期不能早于认定日期。")
    document_number = _line(document_number)
    if not document_number:
        add("document_number", "请填写决定文书号，例如“阿右司信决字〔2026〕3号”。")
    legal_basis = clean_text(legal_basis or "").strip()
    if publicised and subject_kind == SubjectKind.PERSON:
        add("publicised", "自然人的失信记录不向社会公示。")
    elif publicised and not legal_basis:
        add("legal_basis", "依法公示的，请填写公示的法律依据。")
    if source_result is not None:
        if source_result.task.department_id != department.pk:
            add("__all__", "只能依据本单位的核查结果登记失信记录。")
        elif source_result.finding not in FALSE_FINDINGS or hasattr(source_result, "correction"):
            add("__all__", "只有未被更正的“不实”或“部分不实”核查结果才能登记失信记录。")
        elif source_result.credit_records.exists():
            add("__all__", "该核查结果已登记失信记录。")
    if errors:
        raise ValidationError(errors)
    repair_from, publicity_end = period_for(rule.grade, publicity_start)
    record = CreditRecord(
        subject_kind=subject_kind,
        subject_name=subject_name,
        id_number=number,
        id_hash=lookup_hash(number, kind="id"),
        behaviour=behaviour,
        rule=rule,
        grade=rule.grade,
        department=department,
        decided_on=decided_on,
        document_number=document_number,
        measures=clean_text(measures or "").strip(),
        publicity_start=publicity_start,
        repair_from=repair_from,
        publicity_end=publicity_end,
        publicised=bool(publicised),
        legal_basis=legal_basis,
        source_result=source_result,
        created_by=user,
    )
    reason = "依据核查结果登记" if source_result else "依据认定决定书登记"
    return save_with_reason(record, user, f"{reason}（{document_number}）")


def rules_for(behaviour=None):
    qs = GradingRule.objects.filter(active=True)
    return qs.filter(behaviour=behaviour) if behaviour else qs


@transaction.atomic
def records_expire(*, today=None, user=None) -> int:
    """Mark 已到期 every record in force whose maximum period has passed (the daily run).

    Idempotent: an expired record is no longer selected, so a second run changes nothing; the
    rows are locked (PostgreSQL), so two runs at once do not both record the change."""
    today = today or timezone.localdate()
    count = 0
    expiring = CreditRecord.objects.select_for_update().filter(
        state__in=EXPIRING_STATES, publicity_end__lt=today
    )
    for record in expiring.order_by("pk"):
        old = record.get_state_display()
        record.state = RecordState.EXPIRED
        save_with_reason(
            record,
            user,
            f"{old}→已到期：最长公示期已于{record.publicity_end:%Y-%m-%d}届满",
            ["state"],
        )
        count += 1
    return count
