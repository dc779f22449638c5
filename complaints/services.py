"""Every write of complaints: check, act, log.

The public files a complaint (``complaint_submit``, no account); the department handling it
investigates, answers and concludes it, or refuses it (不予受理) with the reason; its editors or
the justice bureau transfer it to the competent department (the due date stands). Nothing is
deleted; simple-history keeps every version.
"""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.enums import AuditAction
from accounts.services import audit_record
from catalog.models import CertificateItem, Department
from catalog.text import clean_text, clean_values
from commitments.letters.identity import phone_error
from commitments.models import CommitmentLetter
from commitments.workdays import UnknownCalendarYear, add_working_days, is_working_day
from vocabularies import reader
from vocabularies.enums import Vocabulary

from . import access, notify
from .attachments import CleanAttachment
from .codes import hash_code, new_query_code, tracking_number
from .enums import DUE_WORKING_DAYS, AnswerChannel, ComplaintStatus
from .models import (
    Complaint,
    ComplaintAccessLog,
    ComplaintAttachment,
    ComplaintCounter,
    ComplaintTransfer,
)

DESCRIPTION_MIN = 10
DESCRIPTION_MAX = 5000
LETTER_NUMBER = re.compile(r"(\d{4})\D{1,4}?(\d{1,6})")


def due_date(received_on: datetime.date) -> tuple[datetime.date, bool]:
    """5 official working days after receipt; ``(date, provisional)``. A year the calendar
    does not know yet is counted Monday to Friday and marked provisional, because a complaint
    is never refused for want of a holiday table."""
    try:
        return add_working_days(received_on, DUE_WORKING_DAYS), False
    except UnknownCalendarYear:
        day, counted = received_on, 0
        while counted < DUE_WORKING_DAYS:
            day += datetime.timedelta(days=1)
            counted += day.weekday() < 5
        return day, True


def working_days_between(start: datetime.date, end: datetime.date) -> int | None:
    """Working days after ``start`` up to and including ``end`` (0 if answered the same day)."""
    days, day = 0, start
    try:
        while day < end:
            day += datetime.timedelta(days=1)
            days += is_working_day(day)
    except UnknownCalendarYear:
        return None
    return days


def find_letter(department, text: str):
    """The letter of ``department`` numbered as the complainant wrote it (（2026年）第12号,
    2026-12 …), or None."""
    match = LETTER_NUMBER.search(text or "")
    if not match or department is None:
        return None
    return CommitmentLetter.objects.filter(
        department=department, year=int(match.group(1)), number=int(match.group(2))
    ).first()


def submission_errors(fields: dict) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    kind = reader.term(Vocabulary.COMPLAINT_KIND, fields.get("kind") or "")
    if kind is None or not kind.active:
        add("kind", "请选择投诉举报的类型。")
    if not isinstance(fields.get("department"), Department):
        add("department", "请选择被投诉的单位。")
    item = fields.get("item")
    if item is not None and not (isinstance(item, CertificateItem) and item.live):
        add("item", "该证明事项不存在或未发布，请重新选择或不填。")
    description = (fields.get("description") or "").strip()
    if len(description) < DESCRIPTION_MIN:
        add("description", f"请写明具体情况（至少{DESCRIPTION_MIN}个字）。")
    elif len(description) > DESCRIPTION_MAX:
        add("description", f"内容不能超过{DESCRIPTION_MAX}个字，请精简，或作为附件上传。")
    phone = (fields.get("contact_phone") or "").strip()
    if phone and (message := phone_error(phone)):
        add("contact_phone", message)
    return errors


def _next_sequence(year: int) -> int:
    """Draw the next number of ``year`` under a row lock (as letters are numbered): the counter
    row is created if missing, then locked with SELECT … FOR UPDATE; a failed submission gives
    its number back with the rolled-back transaction."""
    ComplaintCounter.objects.bulk_create(
        [ComplaintCounter(year=year, last_sequence=0)], ignore_conflicts=True
    )
    counter = ComplaintCounter.objects.select_for_update().get(year=year)
    counter.last_sequence += 1
    counter.save(update_fields=["last_sequence"])
    return counter.last_sequence


@transaction.atomic
def complaint_submit(
    *, fields: dict, attachments: list[CleanAttachment] = (), now=None
) -> tuple[Complaint, str]:
    """File a complaint from the public; returns it with its query code (shown once)."""
    now = now or timezone.now()
    fields = clean_values(Complaint, fields)
    errors = submission_errors(fields)
    if errors:
        raise ValidationError(errors)
    received_on = timezone.localdate(now)
    due_on, estimated = due_date(received_on)
    sequence = _next_sequence(received_on.year)
    code = new_query_code()
    department = fields["department"]
    complaint = Complaint.objects.create(
        number=tracking_number(received_on.year, sequence),
        year=received_on.year,
        sequence=sequence,
        query_code_hash=hash_code(code),
        kind=fields["kind"],
        filed_department=department,
        department=department,
        item=fields.get("item"),
        letter_number=(fields.get("letter_number") or "").strip(),
        letter=find_letter(department, fields.get("letter_number")),
        description=fields["description"].strip(),
        contact_name=(fields.get("contact_name") or "").strip(),
        contact_phone=(fields.get("contact_phone") or "").strip(),
        contact_email=(fields.get("contact_email") or "").strip(),
        received_at=now,
        received_on=received_on,
        due_on=due_on,
        due_on_estimated=estimated,
    )
    for attachment in attachments:
        ComplaintAttachment.objects.create(
            complaint=complaint,
            file=attachment.content,
            content_type=attachment.content_type,
            size=attachment.size,
        )
    if complaint.contact_email:
        transaction.on_commit(lambda: notify.send_receipt(complaint, code))
    return complaint, code


def _check_handler(user, complaint) -> None:
    if not access.may_handle(user, complaint):
        audit_record(
            AuditAction.PERMISSION_DENIED,
            user=user,
            obj=complaint,
            detail={"action": "handle complaint"},
        )
        raise PermissionDenied("只能由承办单位的工作人员办理该投诉举报。")


def _check_open(complaint) -> None:
    if not complaint.is_open:
        raise ValidationError(
            {"__all__": [f"该投诉举报已{complaint.get_status_display()}，不能再办理。"]}
        )


def _locked(complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


@transaction.atomic
def complaint_record_investigation(
    *, user, complaint, investigation: str, finding: str = "", measures: str = ""
) -> Complaint:
    """Record the investigation (and, when known, the finding and measures); a complaint just
    received moves to 调查中."""
    complaint = _locked(complaint)
    _check_handler(user, complaint)
    _check_open(complaint)
    investigation = clean_text(investigation or "").strip()
    if not investigation:
        raise ValidationError({"investigation": ["请填写调查情况。"]})
    complaint.investigation = investigation
    complaint.finding = clean_text(finding or "").strip()
    complaint.measures = clean_text(measures or "").strip()
    complaint.status = ComplaintStatus.INVESTIGATING
    complaint.handled_by = user
    complaint.save()
    return complaint


def _answer_errors(complaint, answer, answered_on, channel, today) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not answer:
        errors["answer"] = ["请填写答复投诉举报人的内容。"]
    if channel not in AnswerChannel.values:
        errors["channel"] = ["请选择答复方式。"]
    elif channel == AnswerChannel.EMAIL and not complaint.contact_email:
        errors["channel"] = ["投诉举报人没有留下电子邮箱，不能通过邮件答复。"]
    elif channel == AnswerChannel.PHONE and not complaint.contact_phone:
        errors["channel"] = ["投诉举报人没有留下联系电话，不能登记为电话答复。"]
    elif channel == AnswerChannel.LOOKUP_ONLY and complaint.has_contact:
        errors["channel"] = ["投诉举报人留有联系方式，请通过其联系方式答复。"]
    if answered_on is None:
        errors["answered_on"] = ["请填写答复日期。"]
    elif answered_on > today:
        errors["answered_on"] = ["答复日期不能晚于今天。"]
    elif answered_on < complaint.received_on:
        errors["answered_on"] = ["答复日期不能早于受理日期。"]
    return errors


def _close(complaint, *, user, status, answer, answered_on, channel) -> Complaint:
    complaint.status = status
    complaint.answer = answer
    complaint.answered_on = answered_on
    complaint.answer_channel = channel
    complaint.answer_working_days = working_days_between(complaint.received_on, answered_on)
    complaint.handled_by = user
    complaint.closed_at = timezone.now()
    complaint.save()
    if channel == AnswerChannel.EMAIL:
        transaction.on_commit(lambda: notify.send_answer(complaint))
    return complaint


@transaction.atomic
def complaint_conclude(
    *, user, complaint, answer: str, answered_on, channel: str, today=None
) -> Complaint:
    """Conclude (办结) with the finding, the measures and the answer to the complainant."""
    today = today or timezone.localdate()
    complaint = _locked(complaint)
    _check_handler(user, complaint)
    _check_open(complaint)
    answer = clean_text(answer or "").strip()
    errors = _answer_errors(complaint, answer, answered_on, channel, today)
    if not complaint.investigation:
        errors.setdefault("__all__", []).append("请先登记调查情况。")
    if not complaint.finding:
        errors.setdefault("__all__", []).append("请先登记调查结论。")
    if errors:
        raise ValidationError(errors)
    return _close(
        complaint,
        user=user,
        status=ComplaintStatus.CONCLUDED,
        answer=answer,
        answered_on=answered_on,
        channel=channel,
    )


@transaction.atomic
def complaint_reject(
    *, user, complaint, reason: str, answered_on, channel: str, today=None
) -> Complaint:
    """不予受理: the reason is recorded and is also the answer to the complainant."""
    today = today or timezone.localdate()
    complaint = _locked(complaint)
    _check_handler(user, complaint)
    _check_open(complaint)
    reason = clean_text(reason or "").strip()
    errors = _answer_errors(complaint, reason, answered_on, channel, today)
    if "answer" in errors:
        errors["reason"] = ["请填写不予受理的理由（将告知投诉举报人）。"]
        del errors["answer"]
    if errors:
        raise ValidationError(errors)
    complaint.rejection_reason = reason
    return _close(
        complaint,
        user=user,
        status=ComplaintStatus.REJECTED,
        answer=f"不予受理。理由：{reason}",
        answered_on=answered_on,
        channel=channel,
    )


@transaction.atomic
def complaint_transfer(*, user, complaint, to_department, reason: str) -> ComplaintTransfer:
    """转办 to the competent department; the original due date stands."""
    complaint = _locked(complaint)
    if not access.may_transfer(user, complaint):
        audit_record(
            AuditAction.PERMISSION_DENIED,
            user=user,
            obj=complaint,
            detail={"action": "transfer complaint"},
        )
        raise PermissionDenied("只能由承办单位的工作人员或司法局转办该投诉举报。")
    _check_open(complaint)
    reason = clean_text(reason or "").strip()
    errors: dict[str, list[str]] = {}
    if not isinstance(to_department, Department):
        errors["to_department"] = ["请选择转至的单位。"]
    elif to_department.pk == complaint.department_id:
        errors["to_department"] = ["该投诉举报已由该单位承办，请选择其他单位。"]
    if not reason:
        errors["reason"] = ["请填写转办理由。"]
    if errors:
        raise ValidationError(errors)
    transfer = ComplaintTransfer.objects.create(
        complaint=complaint,
        from_department_id=complaint.department_id,
        to_department=to_department,
        reason=reason,
        transferred_by=user,
    )
    complaint.department = to_department
    complaint.save(update_fields=["department"])
    return transfer


def complaint_viewed(*, user, complaint, purpose: str, ip_address=None) -> ComplaintAccessLog:
    """Log one view of a complaint: on the complaint and in the audit log."""
    if access.sees_contact(user, complaint):
        audit_record(
            AuditAction.PERSONAL_DATA_VIEWED,
            user=user,
            obj=complaint,
            object_label=complaint.number,
            ip_address=ip_address,
            detail={"purpose": purpose},
        )
    return ComplaintAccessLog.objects.create(
        complaint=complaint, user=user, purpose=purpose, ip_address=ip_address
    )
