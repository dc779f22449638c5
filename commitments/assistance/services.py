"""Every write and logged read of assistance requests (协助核查).

Department A (the letter's) asks department B to verify one point, sharing only the letter's
fields B needs; B answers with its finding or refuses in writing with a reason (“不得推诿或者
拒绝…书面告知…说明理由”). The answer is due a configurable number of working days after the
request was sent (default 5); an unanswered request past its due date is in the justice
bureau's queue. Only the two departments see the exchange.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from catalog.text import clean_text
from commitments.models import AssistanceReply, AssistanceRequest
from commitments.workdays import UnknownCalendarYear, add_working_days
from permissions.scope import Scope, granted_department_ids

from ..cases.rules import date_error, user_handles_cases
from ..letters.services import letter_personal_data_viewed
from ..verification.enums import VerificationFinding
from .enums import SHAREABLE, ReplyKind


def user_sees_request(user, request: AssistanceRequest) -> bool:
    """The staff of the two departments, and nobody else."""
    own = granted_department_ids(user, Scope.VIEW)
    return user.has_perm("commitments.view_commitmentletter") and bool(
        {request.requesting_department_id, request.assisting_department_id} & own
    )


@transaction.atomic
def assistance_request(
    *,
    user,
    task,
    assisting_department,
    question,
    fields=(),
    working_days=5,
    sent_on=None,
    today=None,
) -> AssistanceRequest:
    today = today or timezone.localdate()
    sent_on = sent_on or today
    if not user_handles_cases(user, task.department_id):
        raise PermissionDenied("只能由承诺书所属单位的工作人员发起协助核查请求。")
    errors: dict[str, list[str]] = {}
    if assisting_department is None:
        errors["assisting_department"] = ["请选择协助单位。"]
    elif assisting_department.pk == task.department_id:
        errors["assisting_department"] = ["不能向本单位发起协助核查请求，请选择其他单位。"]
    question = clean_text(question or "").strip()
    if not question:
        errors["question"] = ["请写明请求协助核查的具体事项。"]
    unknown = [f for f in fields if f not in SHAREABLE]
    if unknown:
        errors["fields"] = ["只能提供列出的承诺书信息。"]
    if not isinstance(working_days, int) or not 1 <= working_days <= 30:
        errors["working_days"] = ["答复期限应为1至30个工作日。"]
    if message := date_error(
        "发出日期", sent_on, today, not_before=[(task.letter.signed_on, "承诺日期")]
    ):
        errors["sent_on"] = [message]
    due_on = None
    if not errors:
        try:
            due_on = add_working_days(sent_on, working_days)
        except UnknownCalendarYear as e:
            errors["sent_on"] = [f"无法计算答复期限：{e}"]
    if errors:
        raise ValidationError(errors)
    letter = task.letter
    request = AssistanceRequest(
        task=task,
        requesting_department_id=task.department_id,
        assisting_department=assisting_department,
        question=question,
        shared_data={SHAREABLE[f][0]: SHAREABLE[f][1](letter) for f in fields},
        sent_on=sent_on,
        answer_working_days=working_days,
        due_on=due_on,
        requested_by=user,
    )
    request._history_user = user
    request.save()
    return request


@transaction.atomic
def assistance_reply(
    *, user, request, kind, text, finding="", replied_on=None, corrects=None, today=None
) -> AssistanceReply:
    """The assisting department's answer or written refusal (a second reply corrects)."""
    today = today or timezone.localdate()
    replied_on = replied_on or today
    if not user_handles_cases(user, request.assisting_department_id):
        raise PermissionDenied("只能由被请求协助的单位答复协助核查请求。")
    errors: dict[str, list[str]] = {}
    current = request.current_reply
    if current is not None and (corrects is None or corrects.pk != current.pk):
        errors["__all__"] = ["该请求已答复；如需更正，请选择更正上一次答复。"]
    text = clean_text(text or "").strip()
    if kind == ReplyKind.ANSWER:
        if finding not in VerificationFinding.values:
            errors["finding"] = ["请选择核查结果。"]
        if not text:
            errors["text"] = ["请填写答复内容：核查了什么、发现了什么。"]
    elif kind == ReplyKind.REFUSAL:
        finding = ""
        if not text:
            errors["text"] = ["不能协助的，应书面告知并说明理由：请填写理由。"]
    else:
        errors["kind"] = ["请选择答复方式（答复核查结果或书面告知不能协助）。"]
    if message := date_error(
        "答复日期", replied_on, today, not_before=[(request.sent_on, "请求发出日期")]
    ):
        errors["replied_on"] = [message]
    if errors:
        raise ValidationError(errors)
    reply = AssistanceReply(
        request=request,
        kind=kind,
        finding=finding,
        text=text,
        replied_on=replied_on,
        corrects=corrects,
        replied_by=user,
    )
    reply._history_user = user
    reply.save()
    return reply


def assistance_viewed(*, user, request, ip_address=None) -> None:
    """Log a view of the shared fields, on the letter like every view of its personal data."""
    if request.shared_data:
        letter_personal_data_viewed(
            user=user,
            letter=request.task.letter,
            purpose=f"查看协助核查请求（{request.assisting_department.name}协助）",
            ip_address=ip_address,
        )
