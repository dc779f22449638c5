"""Every write of false commitments (三(四)): the case opened from a 不实 or 部分不实 finding,
its measures (each with date, decision document number and responsible person; corrections
are new measures) and the follow-up of a 责令限期整改. A 终止办理 concludes the open 办件."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from catalog.text import clean_text
from commitments.models import Case, FalseCommitment, Measure, RectificationFollowUp

from ..cases.enums import CaseOutcome
from ..cases.rules import date_error, user_handles_cases
from ..cases.services import case_conclude
from ..verification.enums import FALSE_FINDINGS
from .enums import MeasureKind

OWN_DEPARTMENT_ONLY = "只能由本单位的工作人员办理本单位的不实承诺案件。"


def _check(user, department_id) -> None:
    if not user_handles_cases(user, department_id):
        raise PermissionDenied(OWN_DEPARTMENT_ONLY)


def _line(value) -> str:
    return clean_text(value or "", multiline=False).strip()


@transaction.atomic
def false_commitment_open(*, user, result, summary) -> FalseCommitment:
    """Open the case of a commitment a verification found false."""
    task = result.task
    _check(user, task.department_id)
    errors: dict[str, list[str]] = {}
    if result.finding not in FALSE_FINDINGS:
        errors["__all__"] = ["只有核查结果为“不实”或“部分不实”的，才能登记不实承诺案件。"]
    elif hasattr(result, "correction"):
        errors["__all__"] = ["该核查结果已被更正，请按更正后的结果办理。"]
    elif FalseCommitment.objects.filter(result=result).exists():
        errors["__all__"] = ["该核查结果已登记不实承诺案件。"]
    summary = clean_text(summary or "").strip()
    if not summary:
        errors["summary"] = ["请填写案情摘要：承诺的哪些内容经核查不实。"]
    if errors:
        raise ValidationError(errors)
    fc = FalseCommitment(
        department_id=task.department_id,
        letter=task.letter,
        result=result,
        case=Case.objects.filter(letter=task.letter).first(),
        summary=summary,
        opened_by=user,
    )
    fc._history_user = user
    fc.save()
    return fc


@transaction.atomic
def measure_record(
    *,
    user,
    false_commitment,
    kind,
    decided_on,
    document_number,
    responsible_person,
    rectification_due_on=None,
    note="",
    corrects=None,
    today=None,
) -> Measure:
    """Record one measure of 三(四); a 终止办理 also concludes the 办件 if it is still open."""
    today = today or timezone.localdate()
    fc = false_commitment
    _check(user, fc.department_id)
    errors: dict[str, list[str]] = {}
    if kind not in MeasureKind.values:
        errors["kind"] = ["请选择处理措施。"]
    if message := date_error(
        "决定日期", decided_on, today, not_before=[(fc.result.checked_on, "核查日期")]
    ):
        errors["decided_on"] = [message]
    document_number, responsible = _line(document_number), _line(responsible_person)
    if not document_number:
        errors["document_number"] = ["请填写决定文书号，例如“阿右司罚决字〔2026〕3号”。"]
    if not responsible:
        errors["responsible_person"] = ["请填写责任人（承办的工作人员）。"]
    if kind == MeasureKind.RECTIFY:
        if rectification_due_on is None:
            errors["rectification_due_on"] = ["责令限期整改的，请填写整改期限。"]
        elif decided_on and rectification_due_on <= decided_on:
            errors["rectification_due_on"] = ["整改期限应晚于决定日期。"]
    elif rectification_due_on is not None:
        errors["rectification_due_on"] = ["只有责令限期整改才填写整改期限。"]
    if corrects is not None and (
        corrects.false_commitment_id != fc.pk or hasattr(corrects, "correction")
    ):
        errors["corrects"] = ["只能更正本案件中尚未被更正的措施。"]
    if corrects is not None and not clean_text(note or "").strip():
        errors["note"] = ["更正措施时，请在说明中写明更正理由。"]
    if errors:
        raise ValidationError(errors)
    measure = Measure(
        false_commitment=fc,
        kind=kind,
        decided_on=decided_on,
        document_number=document_number,
        responsible_person=responsible,
        rectification_due_on=rectification_due_on,
        note=clean_text(note or "").strip(),
        corrects=corrects,
        recorded_by=user,
    )
    measure._history_user = user
    measure.save()
    case = fc.case
    if kind == MeasureKind.TERMINATE and case is not None and case.concluded_on is None:
        case_conclude(
            user=user,
            case=case,
            concluded_on=max(decided_on, case.received_on),
            outcome=CaseOutcome.TERMINATED,
            note=f"承诺不实，终止办理（{document_number}）。",
            today=today,
        )
    return measure


@transaction.atomic
def rectification_follow_up(*, user, measure, checked_on, rectified, note, today=None):
    """Record whether a 责令限期整改 was complied with."""
    today = today or timezone.localdate()
    _check(user, measure.false_commitment.department_id)
    errors: dict[str, list[str]] = {}
    if measure.kind != MeasureKind.RECTIFY:
        errors["__all__"] = ["只有责令限期整改的措施需要跟踪整改情况。"]
    if message := date_error(
        "跟踪日期", checked_on, today, not_before=[(measure.decided_on, "决定日期")]
    ):
        errors["checked_on"] = [message]
    note = clean_text(note or "").strip()
    if not note:
        errors["note"] = ["请填写跟踪情况。"]
    if errors:
        raise ValidationError(errors)
    follow_up = RectificationFollowUp(
        measure=measure,
        checked_on=checked_on,
        rectified=bool(rectified),
        note=note,
        recorded_by=user,
    )
    follow_up._history_user = user
    follow_up.save()
    return follow_up
