"""Every write of signed letters: check, act, log.

A letter is registered by an editor of the item's department, numbered （YYYY年）第N号 in its
department and year without gaps or duplicates, and disclosed on the public site when the
item's published letter form says so. Letters are never deleted: a withdrawn commitment is
recorded as such and leaves the public site.
"""

import calendar
import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from accounts.enums import AuditAction
from accounts.services import audit_record
from catalog.letters.selectors import current_letter_wording_version
from catalog.text import clean_text, clean_values
from commitments.models import CommitmentLetter, LetterAccessLog, LetterCounter
from commitments.workdays import UnknownCalendarYear, add_working_days
from permissions.scope import Scope, granted_department_ids

from ..verification.tasks import verification_task_for_letter
from . import eligibility
from .enums import (
    FORM_DUE_WORKING_DAYS,
    REMOTE_CHANNELS,
    ApplicantKind,
    LetterChannel,
    OrganisationIdType,
    PersonIdType,
)
from .identity import credit_code_error, normalise_id, phone_error, resident_id_error

# The banner's plan took effect in 2021: no commitment letter can be older.
SYSTEM_START = datetime.date(2021, 1, 1)

PERSON_FIELDS = {
    "person_name": "请填写申请人姓名。",
    "person_id_type": "请选择申请人的证件类型。",
    "person_id_number": "请填写申请人的证件编号。",
    "person_phone": "请填写申请人的联系方式。",
}
ORGANISATION_FIELDS = {
    "organisation_name": "请填写单位名称。",
    "organisation_id_type": "请选择单位的证件类型。",
    "organisation_id_number": "请填写单位的证号。",
    "legal_representative": "请填写法定代表人（负责人）。",
    "organisation_address": "请填写单位地址。",
    "organisation_phone": "请填写单位的联系方式。",
}
AGENT_FIELDS = {
    "agent_name": "请填写受托代理人姓名。",
    "agent_id_type": "请选择受托代理人的证件类型。",
    "agent_id_number": "请填写受托代理人的证件编号。",
    "agent_phone": "请填写受托代理人的联系方式。",
}
OTHER_FIELDS = [
    "channel",
    "received_on",
    "signed_on",
    "form_sent_on",
    "conditions_statement",
]
PASSPORT = re.compile(r"^[A-Z0-9]{5,17}$")
PERMIT = re.compile(r"^[A-Z0-9]{8,11}$")


def user_may_register(user, department_id: int) -> bool:
    """Editors of the department itself register its letters (not reviewers or supervisors)."""
    return user.has_perm("commitments.add_commitmentletter") and department_id in (
        granted_department_ids(user, Scope.EDIT)
    )


def user_sees_personal_data(user, letter: CommitmentLetter) -> bool:
    """Only the staff of the letter's own department (editors and leaders) see personal data."""
    return user.has_perm("commitments.view_commitmentletter") and letter.department_id in (
        granted_department_ids(user, Scope.VIEW)
    )


def add_months(day: datetime.date, months: int) -> datetime.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def disclosure_period(item, start: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of disclosure for a letter registered on ``start``."""
    end = add_months(start, item.disclosure_period_months) - datetime.timedelta(days=1)
    return start, end


def _person_id_error(id_type: str, number: str, today) -> str:
    if id_type in (PersonIdType.RESIDENT_ID, PersonIdType.FOREIGN_PERMANENT_ID):
        return resident_id_error(number, today)
    if id_type == PersonIdType.PASSPORT and not PASSPORT.fullmatch(number):
        return "护照号码应为5至17位字母或数字。"
    if id_type in (PersonIdType.HK_MACAO_PERMIT, PersonIdType.TAIWAN_PERMIT) and not (
        PERMIT.fullmatch(number)
    ):
        return "通行证号码应为8至11位字母或数字。"
    return ""


def _date_errors(errors, field, label, value, today) -> None:
    if value is None:
        return
    if value > today:
        errors.setdefault(field, []).append(f"{label}（{value:%Y-%m-%d}）不能晚于今天。")
    elif value < SYSTEM_START:
        errors.setdefault(field, []).append(
            f"{label}（{value:%Y-%m-%d}）早于2021年本旗推行告知承诺制，请检查年份。"
        )


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def letter_errors(*, item, fields: dict, disclose: bool, today=None) -> dict[str, list[str]]:
    """Every reason the letter cannot be registered, keyed by form field; empty if none."""
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}

    def add(field, message):
        errors.setdefault(field, []).append(message)

    if not item.live:
        add(
            "item",
            f"“{item.name}”未发布或已从目录中撤回，不能登记承诺书："
            "只有目录中公布的证明事项才能以告知承诺方式办理。",
        )

    kind = fields.get("applicant_kind")
    if kind == ApplicantKind.PERSON:
        required = PERSON_FIELDS
    elif kind == ApplicantKind.ORGANISATION:
        required = ORGANISATION_FIELDS
    else:
        required = {}
        add("applicant_kind", "请选择申请人类型（自然人或法人）。")
    for field, message in required.items():
        if _blank(fields.get(field)):
            add(field, message)
    if kind == ApplicantKind.PERSON and not _blank(fields.get("person_id_number")):
        number = normalise_id(fields["person_id_number"])
        if message := _person_id_error(fields.get("person_id_type"), number, today):
            add("person_id_number", message)
    credit_code = fields.get("organisation_id_number")
    if (
        kind == ApplicantKind.ORGANISATION
        and fields.get("organisation_id_type") == OrganisationIdType.CREDIT_CODE
        and not _blank(credit_code)
        and (message := credit_code_error(credit_code))
    ):
        add("organisation_id_number", message)
    phone_field = {"person": "person_phone", "organisation": "organisation_phone"}.get(kind)
    if (
        phone_field
        and not _blank(fields.get(phone_field))
        and (message := phone_error(fields[phone_field]))
    ):
        add(phone_field, message)

    if any(not _blank(fields.get(f)) for f in AGENT_FIELDS):
        if not item.agent_may_commit:
            add(
                "agent_name",
                f"“{item.name}”的告知承诺书写明“必须由申请人作出承诺，不可代为承诺”"
                "（第（六）项），不能由受托代理人签署。",
            )
        for field, message in AGENT_FIELDS.items():
            if _blank(fields.get(field)):
                add(field, message)
        if not _blank(fields.get("agent_id_number")) and (
            message := _person_id_error(
                fields.get("agent_id_type"), normalise_id(fields["agent_id_number"]), today
            )
        ):
            add("agent_id_number", message)
        if not _blank(fields.get("agent_phone")) and (
            message := phone_error(fields["agent_phone"])
        ):
            add("agent_phone", message)

    channel = fields.get("channel")
    if channel not in LetterChannel.values:
        add("channel", "请选择申请方式（当面递交、信函、传真或电子邮件）。")
    received, signed, sent = (
        fields.get("received_on"),
        fields.get("signed_on"),
        fields.get("form_sent_on"),
    )
    if received is None:
        add("received_on", "请填写收到申请的日期。")
    if signed is None:
        add("signed_on", "请填写申请人签署承诺书的日期。")
    _date_errors(errors, "received_on", "收到申请日期", received, today)
    _date_errors(errors, "signed_on", "承诺日期", signed, today)
    _date_errors(errors, "form_sent_on", "告知承诺书送达日期", sent, today)
    if received and signed and signed < received:
        add("signed_on", "承诺日期不能早于收到申请的日期。")
    if channel == LetterChannel.IN_PERSON and sent is not None:
        add("form_sent_on", "当面递交申请的，告知承诺书当场发放，不填送达日期。")
    if channel in REMOTE_CHANNELS and sent is not None:
        if received and sent < received:
            add("form_sent_on", "告知承诺书送达日期不能早于收到申请的日期。")
        if signed and sent > signed:
            add("form_sent_on", "告知承诺书送达日期不能晚于承诺日期：申请人要先收到才能签署。")
    if channel in REMOTE_CHANNELS and received and "received_on" not in errors:
        try:
            add_working_days(received, FORM_DUE_WORKING_DAYS)
        except UnknownCalendarYear as e:
            add("received_on", f"无法计算告知承诺书的送达期限：{e}")

    if disclose and not item.letters_disclosed:
        add(
            "disclose",
            f"“{item.name}”的告知承诺书写明承诺书不公开（第（九）项），不能公开这份承诺书。",
        )
    if not disclose and item.letters_disclosed:
        add(
            "disclose",
            f"“{item.name}”的告知承诺书写明承诺书{item.get_disclosure_scope_display()}"
            f"{item.disclosure_period_months}个月（第（九）项），申请人签署时已经知晓，"
            "请勾选“按告知承诺书第（九）项公开”。",
        )
    return errors


def _applicant_values(fields: dict) -> dict:
    """The applicant blocks that apply; the others are stored empty."""
    kind = fields["applicant_kind"]
    keep = set(PERSON_FIELDS if kind == ApplicantKind.PERSON else ORGANISATION_FIELDS)
    if any(not _blank(fields.get(f)) for f in AGENT_FIELDS):
        keep |= set(AGENT_FIELDS)
    values = {}
    for field in (*PERSON_FIELDS, *ORGANISATION_FIELDS, *AGENT_FIELDS):
        value = (fields.get(field) or "").strip() if field in keep else ""
        values[field] = normalise_id(value) if field.endswith("id_number") else value
    return values


def _next_number(department, year: int) -> int:
    """Draw the next number of ``department`` in ``year`` under a row lock.

    The counter row is created if missing (a conflicting concurrent insert is ignored), then
    locked with SELECT … FOR UPDATE: a second registration of the same department waits until
    the first commits and then reads its number. The caller's transaction covers the letter
    too, so a failed registration gives its number back.
    """
    LetterCounter.objects.bulk_create(
        [LetterCounter(department=department, year=year, last_number=0)], ignore_conflicts=True
    )
    counter = LetterCounter.objects.select_for_update().get(department=department, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def applicant_of(fields: dict) -> eligibility.Applicant:
    kind = fields.get("applicant_kind")
    field = "person_id_number" if kind == ApplicantKind.PERSON else "organisation_id_number"
    return eligibility.Applicant(kind=kind, id_number=fields.get(field) or "")


def letter_register(*, user, item, fields: dict, disclose: bool, today=None) -> CommitmentLetter:
    """Register a signed letter for a published item of the user's own department, with its
    verification task when the item is not exempt (``verification/tasks.py``). An applicant
    the eligibility checks refuse (``eligibility.py``: credit records) is refused at
    ``__all__``; the check runs outside the registration's transaction so that its own
    record of the refusal is kept."""
    today = today or timezone.localdate()
    if not user_may_register(user, item.department_id):
        raise PermissionDenied("只能由本单位的工作人员登记本单位证明事项的承诺书。")
    fields = clean_values(CommitmentLetter, fields)
    errors = letter_errors(item=item, fields=fields, disclose=disclose, today=today)
    if errors:
        raise ValidationError(errors)
    if message := eligibility.refusal(
        user=user, item=item, applicant=applicant_of(fields), stage=eligibility.LETTER
    ):
        raise ValidationError({"__all__": [message]})
    return _letter_create(user=user, item=item, fields=fields, disclose=disclose, today=today)


@transaction.atomic
def _letter_create(*, user, item, fields: dict, disclose: bool, today) -> CommitmentLetter:
    values = {field: fields.get(field) for field in OTHER_FIELDS}
    values["conditions_statement"] = (values["conditions_statement"] or "").strip()
    if fields["channel"] in REMOTE_CHANNELS:
        values["form_due_on"] = add_working_days(fields["received_on"], FORM_DUE_WORKING_DAYS)
    if disclose:
        values["disclosure_scope"] = item.disclosure_scope
        values["disclosed_from"], values["disclosed_until"] = disclosure_period(item, today)
    letter = CommitmentLetter.objects.create(
        department=item.department,
        item=item,
        item_revision_id=item.live_revision_id,
        wording_version=current_letter_wording_version(),
        item_name=item.name,
        item_purpose=item.purpose,
        year=today.year,
        number=_next_number(item.department, today.year),
        applicant_kind=fields["applicant_kind"],
        registered_by=user,
        **_applicant_values(fields),
        **values,
    )
    verification_task_for_letter(letter=letter, user=user)
    return letter


def _check_own(user, letter) -> None:
    if not (
        user.has_perm("commitments.change_commitmentletter")
        and letter.department_id in granted_department_ids(user, Scope.EDIT)
    ):
        raise PermissionDenied("只能由本单位的工作人员更改本单位的承诺书。")


@transaction.atomic
def letter_withdraw(*, user, letter, withdrawn_on, reason: str, today=None) -> CommitmentLetter:
    """Record that the applicant withdrew the commitment; the letter leaves the public site."""
    today = today or timezone.localdate()
    _check_own(user, letter)
    reason = clean_text(reason)
    errors: dict[str, list[str]] = {}
    if letter.withdrawn_on is not None:
        errors["__all__"] = [f"该承诺书已于{letter.withdrawn_on:%Y-%m-%d}撤回。"]
    if withdrawn_on is None:
        errors["withdrawn_on"] = ["请填写撤回日期。"]
    elif withdrawn_on > today:
        errors["withdrawn_on"] = ["撤回日期不能晚于今天。"]
    elif withdrawn_on < letter.signed_on:
        errors["withdrawn_on"] = ["撤回日期不能早于承诺日期。"]
    if not (reason or "").strip():
        errors["reason"] = ["请填写撤回理由（申请人提出的理由）。"]
    if errors:
        raise ValidationError(errors)
    letter.withdrawn_on = withdrawn_on
    letter.withdrawal_reason = reason.strip()
    letter.withdrawn_by = user
    letter.save(update_fields=["withdrawn_on", "withdrawal_reason", "withdrawn_by"])
    return letter


@transaction.atomic
def letter_record_form_sent(*, user, letter, sent_on, today=None) -> CommitmentLetter:
    """Record the day the letter form reached a remote applicant."""
    today = today or timezone.localdate()
    _check_own(user, letter)
    if not letter.is_remote:
        raise ValidationError({"sent_on": ["当面递交申请的，告知承诺书当场发放，不填送达日期。"]})
    if sent_on is None:
        raise ValidationError({"sent_on": ["请填写送达日期。"]})
    if sent_on > today:
        raise ValidationError({"sent_on": ["送达日期不能晚于今天。"]})
    if sent_on < letter.received_on:
        raise ValidationError({"sent_on": ["送达日期不能早于收到申请的日期。"]})
    if sent_on > letter.signed_on:
        raise ValidationError({"sent_on": ["送达日期不能晚于承诺日期：申请人要先收到才能签署。"]})
    letter.form_sent_on = sent_on
    letter.save(update_fields=["form_sent_on"])
    return letter


def letter_personal_data_viewed(
    *, user, letter, purpose: str = "查看承诺书详情", ip_address=None
) -> LetterAccessLog:
    """Log one view of the letter's personal data (called by every view that shows it): on
    the letter (shown to its department) and in the audit log (read by the auditor)."""
    audit_record(
        AuditAction.PERSONAL_DATA_VIEWED,
        user=user,
        obj=letter,
        object_label=f"{letter.department.name}{letter.number_label}",
        ip_address=ip_address,
        detail={"purpose": purpose},
    )
    return LetterAccessLog.objects.create(
        letter=letter, user=user, purpose=purpose, ip_address=ip_address
    )
