"""Every write of verification (核查) after the task was made (``tasks.py``): assignment, the
result with its evidence, corrections as new results, and the logged view of evidence."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalog.text import clean_text
from commitments.models import VerificationEvidence, VerificationResult, VerificationTask
from permissions.scope import Scope, granted_department_ids

from ..cases.rules import date_error, user_handles_cases
from ..letters.services import letter_personal_data_viewed, user_sees_personal_data
from .enums import VerificationFinding
from .evidence import clean_evidence
from .signals import false_commitment_found

OWN_DEPARTMENT_ONLY = "只能由本单位的工作人员办理本单位承诺书的核查。"


def _check(user, department_id) -> None:
    if not user_handles_cases(user, department_id):
        raise PermissionDenied(OWN_DEPARTMENT_ONLY)


def is_department_member(user, department_id) -> bool:
    return user.is_active and department_id in granted_department_ids(user, Scope.VIEW)


@transaction.atomic
def verification_assign(*, user, task, assignee) -> VerificationTask:
    _check(user, task.department_id)
    if assignee is None or not is_department_member(assignee, task.department_id):
        raise ValidationError({"assignee": ["只能指派本单位的工作人员核查。"]})
    task.assigned_to = assignee
    task._history_user = user
    task.save(update_fields=["assigned_to"])
    return task


@transaction.atomic
def verification_record(
    *,
    user,
    task,
    checked_by,
    checked_on,
    source,
    finding,
    reason,
    files=(),
    corrects=None,
    today=None,
) -> VerificationResult:
    """Record what the check found, with its evidence; a second result must say which one it
    corrects. A 不实 or 部分不实 finding sends ``false_commitment_found``."""
    today = today or timezone.localdate()
    _check(user, task.department_id)
    errors: dict[str, list[str]] = {}
    current = task.current_result
    if corrects is None and current is not None:
        errors["corrects"] = ["该核查已登记结果；如需更正，请选择“更正上一次核查结果”。"]
    elif corrects is not None and (current is None or corrects.pk != current.pk):
        errors["corrects"] = ["只能更正该核查任务最近一次的核查结果。"]
    if checked_by is None or not is_department_member(checked_by, task.department_id):
        errors["checked_by"] = ["核查人须是本单位的工作人员。"]
    letter = task.letter
    if message := date_error(
        "核查日期", checked_on, today, not_before=[(letter.signed_on, "承诺日期")]
    ):
        errors["checked_on"] = [message]
    source = clean_text(source or "", multiline=False).strip()
    if not source:
        errors["source"] = ["请填写核查途径：查询的数据来源或现场核查的地点。"]
    if finding not in VerificationFinding.values:
        errors["finding"] = ["请选择核查结果（属实、不实、部分不实或无法核实）。"]
    reason = clean_text(reason or "").strip()
    if not reason:
        errors["reason"] = ["请填写结果说明：核查发现的情况和得出结论的理由。"]
    cleaned = []
    for upload in files:
        try:
            cleaned.append(clean_evidence(upload))
        except ValidationError as e:
            errors.setdefault("files", []).extend(e.messages)
    if errors:
        raise ValidationError(errors)
    result = VerificationResult(
        task=task,
        checked_by=checked_by,
        checked_on=checked_on,
        source=source,
        finding=finding,
        reason=reason,
        corrects=corrects,
        recorded_by=user,
    )
    result._history_user = user
    result.save()
    for evidence in cleaned:
        record = VerificationEvidence(
            result=result,
            name=evidence.name,
            content_type=evidence.content_type,
            size=len(evidence.content),
            sha256=evidence.sha256,
            uploaded_by=user,
        )
        record.file.save(evidence.name, ContentFile(evidence.content), save=False)
        record._history_user = user
        record.save()
    if result.finding in (VerificationFinding.FALSE, VerificationFinding.PARTLY_FALSE):
        transaction.on_commit(
            lambda: false_commitment_found.send(
                sender=VerificationResult, result=result, letter=letter, user=user
            )
        )
    return result


def evidence_open(*, user, evidence, ip_address=None):
    """The file of ``evidence`` for the letter's own department, the view logged."""
    letter = evidence.result.task.letter
    if not user_sees_personal_data(user, letter):
        raise PermissionDenied("核查证据只向承诺书所属单位的工作人员提供。")
    letter_personal_data_viewed(
        user=user, letter=letter, purpose=f"查看核查证据：{evidence.name}", ip_address=ip_address
    )
    return evidence.file.open("rb")
