"""Objections (异议) and repairs (信用修复) of credit records: filed, decided, told.

- An objection is filed with the recording department or the justice bureau; the record is
  异议中 until the decision, due ``CREDIT_OBJECTION_WORKING_DAYS`` working days after receipt.
  维持 → 有效, 更正 → 已更正 (with the corrected grade and its periods; the corrected record
  excludes and is repaired like a valid one), 撤销 → 已撤销. Who decides: the
  recording department's clerks for objections filed with it, the bureau's reviewers for
  objections filed with the bureau. Telling the subject is recorded (date and means).
- A repair is applied for from the grade's minimum period on, with evidence of correction;
  the recording department decides: 准予 → 已修复, 不予 → 修复未通过 (may apply again).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalog.text import clean_text
from commitments.verification.evidence import clean_evidence
from commitments.workdays import UnknownCalendarYear, add_working_days

from .enums import (
    DEFAULT_OBJECTION_WORKING_DAYS,
    OPEN_STATES,
    REPAIRABLE_STATES,
    FiledWith,
    Grade,
    ObjectionDecision,
    RecordState,
    RepairDecision,
)
from .models import CreditEvidence, Objection, Repair
from .periods import has_expired, may_apply_for_repair, period_for
from .rules import (
    BUREAU_ONLY,
    OWN_DEPARTMENT_ONLY,
    user_decides_bureau_objections,
    user_records,
)
from .services import change_state, date_error, save_with_reason

DECISION_STATE = {
    ObjectionDecision.UPHELD: RecordState.VALID,
    ObjectionDecision.CORRECTED: RecordState.CORRECTED,
    ObjectionDecision.REVOKED: RecordState.REVOKED,
}


def objection_working_days() -> int:
    return getattr(settings, "CREDIT_OBJECTION_WORKING_DAYS", DEFAULT_OBJECTION_WORKING_DAYS)


def user_handles_objection(user, record, filed_with) -> bool:
    if filed_with == FiledWith.BUREAU:
        return user_decides_bureau_objections(user)
    return user_records(user, record.department_id)


def _check_objection(user, record, filed_with):
    if not user_handles_objection(user, record, filed_with):
        raise PermissionDenied(
            BUREAU_ONLY if filed_with == FiledWith.BUREAU else OWN_DEPARTMENT_ONLY
        )


def _store_evidence(files, user, **owner):
    for upload in files or []:
        clean = clean_evidence(upload)
        evidence = CreditEvidence(
            name=clean.name,
            content_type=clean.content_type,
            size=len(clean.content),
            sha256=clean.sha256,
            uploaded_by=user,
            **owner,
        )
        evidence.file.save(clean.name, ContentFile(clean.content), save=False)
        evidence._history_user = user
        evidence.save()


def _clean_files(files, errors, field="files"):
    for upload in files or []:
        try:
            clean_evidence(upload)
        except ValidationError as e:
            errors.setdefault(field, []).extend(e.messages)
        upload.seek(0)


@transaction.atomic
def objection_file(
    *, user, record, filed_with, received_on, statement, files=(), today=None
) -> Objection:
    today = today or timezone.localdate()
    if filed_with not in FiledWith.values:
        raise ValidationError({"filed_with": ["请选择受理机关。"]})
    _check_objection(user, record, filed_with)
    errors: dict[str, list[str]] = {}
    if record.state not in OPEN_STATES or has_expired(record, today):
        errors["__all__"] = [f"该失信记录状态为“{record.get_state_display()}”，不能提出异议。"]
    if message := date_error("收到异议日期", received_on, today, (record.decided_on, "认定日期")):
        errors["received_on"] = [message]
    statement = clean_text(statement or "").strip()
    if not statement:
        errors["statement"] = ["请填写异议理由。"]
    _clean_files(files, errors)
    due_on = None
    if not errors:
        try:
            due_on = add_working_days(received_on, objection_working_days())
        except UnknownCalendarYear as e:
            errors["received_on"] = [f"无法计算答复期限：{e}"]
    if errors:
        raise ValidationError(errors)
    objection = Objection(
        record=record,
        filed_with=filed_with,
        received_on=received_on,
        statement=statement,
        due_on=due_on,
        recorded_by=user,
    )
    save_with_reason(objection, user, "登记异议")
    _store_evidence(files, user, objection=objection)
    change_state(record, user, RecordState.OBJECTING, f"收到异议（{received_on:%Y-%m-%d}）")
    return objection


@transaction.atomic
def objection_decide(
    *,
    user,
    objection,
    decision,
    reasons,
    decided_on,
    notified_on,
    notified_how,
    corrected_grade="",
    today=None,
) -> Objection:
    today = today or timezone.localdate()
    record = objection.record
    _check_objection(user, record, objection.filed_with)
    errors: dict[str, list[str]] = {}
    if objection.decision:
        errors["__all__"] = ["该异议已处理。"]
    if decision not in ObjectionDecision.values:
        errors["decision"] = ["请选择处理结果（维持、更正或撤销）。"]
    reasons = clean_text(reasons or "").strip()
    if not reasons:
        errors["reasons"] = ["请填写处理理由。"]
    if message := date_error(
        "处理日期", decided_on, today, (objection.received_on, "收到异议日期")
    ):
        errors["decided_on"] = [message]
    if message := date_error("告知申请人日期", notified_on, today, (decided_on, "处理日期")):
        errors["notified_on"] = [message]
    notified_how = clean_text(notified_how or "", multiline=False).strip()
    if not notified_how:
        errors["notified_how"] = ["请填写告知方式（如当面送达、邮寄、短信）。"]
    if decision == ObjectionDecision.CORRECTED:
        if corrected_grade not in Grade.values:
            errors["corrected_grade"] = ["更正的，请选择更正后的失信程度。"]
    elif corrected_grade:
        errors["corrected_grade"] = ["只有更正时才填写更正后的失信程度。"]
    if errors:
        raise ValidationError(errors)
    objection.decision = decision
    objection.reasons = reasons
    objection.decided_on = decided_on
    objection.decided_by = user
    objection.notified_on = notified_on
    objection.notified_how = notified_how
    objection.corrected_grade = corrected_grade or ""
    save_with_reason(objection, user, f"异议处理：{objection.get_decision_display()}")
    if decision == ObjectionDecision.CORRECTED and corrected_grade != record.grade:
        # The corrected record stands with the corrected grade's periods (ADR 018).
        old = record.get_grade_display()
        record.grade = corrected_grade
        record.repair_from, record.publicity_end = period_for(
            corrected_grade, record.publicity_start
        )
        save_with_reason(
            record,
            user,
            f"异议更正：失信程度{old}→{record.get_grade_display()}，"
            f"公示截止日期{record.publicity_end:%Y-%m-%d}",
            ["grade", "repair_from", "publicity_end"],
        )
    label = ObjectionDecision(decision).label
    change_state(record, user, DECISION_STATE[decision], f"异议处理结果：{label}。{reasons}")
    return objection


@transaction.atomic
def repair_apply(
    *,
    user,
    record,
    applied_on,
    statement,
    rectified=False,
    credit_commitment=False,
    training=False,
    files=(),
    today=None,
) -> Repair:
    today = today or timezone.localdate()
    if not user_records(user, record.department_id):
        raise PermissionDenied(OWN_DEPARTMENT_ONLY)
    errors: dict[str, list[str]] = {}
    if record.state not in REPAIRABLE_STATES or has_expired(record, today):
        errors["__all__"] = [f"该失信记录状态为“{record.get_state_display()}”，不能申请信用修复。"]
    elif message := date_error("申请日期", applied_on, today, (record.decided_on, "认定日期")):
        errors["applied_on"] = [message]
    elif not may_apply_for_repair(record, applied_on):
        errors["applied_on"] = [
            f"最短公示期未满：{record.get_grade_display()}失信记录自"
            f"{record.repair_from:%Y-%m-%d}起方可申请信用修复。"
        ]
    if not (rectified or credit_commitment or training):
        errors["rectified"] = ["请至少勾选一项已完成的修复条件（整改完成、信用承诺、培训）。"]
    statement = clean_text(statement or "").strip()
    if not statement:
        errors["statement"] = ["请填写申请说明。"]
    _clean_files(files, errors)
    if not files and "files" not in errors:
        errors["files"] = ["请上传已纠正失信行为的证明材料。"]
    if errors:
        raise ValidationError(errors)
    repair = Repair(
        record=record,
        applied_on=applied_on,
        statement=statement,
        rectified=bool(rectified),
        credit_commitment=bool(credit_commitment),
        training=bool(training),
        recorded_by=user,
    )
    save_with_reason(repair, user, "登记信用修复申请")
    _store_evidence(files, user, repair=repair)
    change_state(record, user, RecordState.REPAIRING, f"申请信用修复（{applied_on:%Y-%m-%d}）")
    return repair


@transaction.atomic
def repair_decide(*, user, repair, decision, reasons, decided_on, today=None) -> Repair:
    today = today or timezone.localdate()
    record = repair.record
    if not user_records(user, record.department_id):
        raise PermissionDenied(OWN_DEPARTMENT_ONLY)
    errors: dict[str, list[str]] = {}
    if repair.decision:
        errors["__all__"] = ["该修复申请已决定。"]
    if decision not in RepairDecision.values:
        errors["decision"] = ["请选择准予修复或不予修复。"]
    reasons = clean_text(reasons or "").strip()
    if not reasons:
        errors["reasons"] = ["请填写决定理由。"]
    if message := date_error("决定日期", decided_on, today, (repair.applied_on, "申请日期")):
        errors["decided_on"] = [message]
    if errors:
        raise ValidationError(errors)
    repair.decision, repair.reasons = decision, reasons
    repair.decided_on, repair.decided_by = decided_on, user
    save_with_reason(repair, user, f"修复决定：{repair.get_decision_display()}")
    state = (
        RecordState.REPAIRED if decision == RepairDecision.PASSED else RecordState.REPAIR_REFUSED
    )
    change_state(record, user, state, f"{repair.get_decision_display()}。{reasons}")
    return repair
