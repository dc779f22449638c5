"""Every write of cases (办件): check, act, keep in history.

A case is opened when an applicant chooses to commit for an item of the department; the form
is handed over on the spot or sent within 3 working days; the applicant returns the signed
letter within the item's return deadline; until the case is concluded the applicant may
withdraw, and the case continues by the ordinary procedure. Nothing is deleted.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from catalog.text import clean_text
from commitments.models import (
    Case,
    CaseCorrection,
    CaseCorrectionKind,
    ChoiceEntry,
    ReturnDeadline,
)
from commitments.workdays import UnknownCalendarYear, add_working_days

from ..letters import eligibility
from ..letters.enums import FORM_DUE_WORKING_DAYS, LetterChannel
from ..letters.services import letter_withdraw
from .enums import DEFAULT_RETURN_WORKING_DAYS, ApplicantChoice, CaseOutcome
from .rules import OWN_DEPARTMENT_ONLY, date_error, user_handles_cases


def _check(user, department_id) -> None:
    if not user_handles_cases(user, department_id):
        raise PermissionDenied(OWN_DEPARTMENT_ONLY)


def return_working_days(item) -> int:
    """The item's own return deadline, else its department's default, else 10."""
    own = ReturnDeadline.objects.filter(item=item).first()
    if own:
        return own.working_days
    default = ReturnDeadline.objects.filter(department_id=item.department_id, item=None).first()
    return default.working_days if default else DEFAULT_RETURN_WORKING_DAYS


@transaction.atomic
def return_deadline_set(*, user, department, working_days, item=None) -> ReturnDeadline:
    """Set the department's default (``item=None``) or one item's return deadline."""
    _check(user, department.pk)
    if item is not None and item.department_id != department.pk:
        raise ValidationError({"item": ["只能为本单位的证明事项设置递交期限。"]})
    if not isinstance(working_days, int) or not 1 <= working_days <= 60:
        raise ValidationError({"working_days": ["递交期限应为1至60个工作日。"]})
    deadline = ReturnDeadline.objects.filter(department=department, item=item).first()
    if deadline is None:
        deadline = ReturnDeadline(department=department, item=item)
    deadline.working_days = working_days
    deadline.set_by = user
    deadline.set_at = timezone.now()
    deadline._history_user = user
    deadline.save()
    return deadline


def _working_days_after(field, start, days, errors):
    try:
        return add_working_days(start, days)
    except UnknownCalendarYear as e:
        errors.setdefault(field, []).append(f"无法计算期限：{e}")
        return None


def case_open(
    *,
    user,
    item,
    channel,
    received_on,
    reference="",
    applicant_kind="",
    applicant_id_number="",
    today=None,
) -> Case:
    """Open the case of an applicant who chose to commit; counted in the choice tally.

    Given the applicant's identity number (used for the check only, never stored on the
    case), the eligibility checks run first (``letters/eligibility.py``): a refused applicant
    gets no letter form, the refusal at ``__all__``, and the check's own record is kept."""
    _check(user, item.department_id)
    if message := eligibility.refusal(
        user=user,
        item=item,
        applicant=eligibility.Applicant(kind=applicant_kind, id_number=applicant_id_number),
        stage=eligibility.FORM,
    ):
        raise ValidationError({"__all__": [message]})
    return _case_open(
        user=user,
        item=item,
        channel=channel,
        received_on=received_on,
        reference=reference,
        today=today,
    )


@transaction.atomic
def _case_open(*, user, item, channel, received_on, reference, today) -> Case:
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if not item.live:
        errors["item"] = [f"“{item.name}”未发布或已从目录中撤回，不能按告知承诺方式办理。"]
    if channel not in LetterChannel.values:
        errors["channel"] = ["请选择申请方式（当面递交、信函、传真或电子邮件）。"]
    if message := date_error("收到申请日期", received_on, today):
        errors["received_on"] = [message]
    days = return_working_days(item)
    values = {}
    if not errors:
        if channel == LetterChannel.IN_PERSON:
            values["form_given_on"] = received_on
            values["return_due_on"] = _working_days_after("received_on", received_on, days, errors)
        else:
            values["form_due_on"] = _working_days_after(
                "received_on", received_on, FORM_DUE_WORKING_DAYS, errors
            )
    if errors:
        raise ValidationError(errors)
    case = Case(
        department_id=item.department_id,
        item=item,
        item_name=item.name,
        reference=clean_text(reference or "", multiline=False).strip(),
        channel=channel,
        received_on=received_on,
        return_working_days=days,
        opened_by=user,
        **values,
    )
    case._history_user = user
    case.save()
    ChoiceEntry.objects.create(
        department_id=item.department_id,
        item=item,
        month=received_on.replace(day=1),
        choice=ApplicantChoice.COMMITMENT,
        count=1,
        case=case,
        recorded_by=user,
    )
    return case


def _save(case, user, fields):
    case._history_user = user
    case.save(update_fields=fields)
    return case


def _refuse_if_closed(case, action: str) -> None:
    if case.concluded_on:
        raise ValidationError(
            {"__all__": [f"该办件已于{case.concluded_on:%Y年%m月%d日}办结，不能再{action}。"]}
        )


@transaction.atomic
def case_record_form_given(*, user, case, given_on, today=None) -> Case:
    """Record the day the form was sent to a remote applicant; the return deadline runs."""
    today = today or timezone.localdate()
    _check(user, case.department_id)
    _refuse_if_closed(case, "登记送达")
    if not case.is_remote:
        raise ValidationError({"given_on": ["当面递交申请的，告知承诺书当场发放，不另登记送达。"]})
    if case.form_given_on:
        raise ValidationError(
            {"given_on": [f"已登记告知承诺书于{case.form_given_on:%Y-%m-%d}送达。"]}
        )
    if message := date_error(
        "送达日期", given_on, today, not_before=[(case.received_on, "收到申请日期")]
    ):
        raise ValidationError({"given_on": [message]})
    errors: dict[str, list[str]] = {}
    due = _working_days_after("given_on", given_on, case.return_working_days, errors)
    if errors:
        raise ValidationError(errors)
    case.form_given_on, case.return_due_on = given_on, due
    return _save(case, user, ["form_given_on", "return_due_on"])


@transaction.atomic
def case_link_letter(*, user, case, letter, today=None) -> Case:
    """The applicant returned the signed letter, registered in the letter register."""
    today = today or timezone.localdate()
    _check(user, case.department_id)
    _refuse_if_closed(case, "关联承诺书")
    errors: dict[str, list[str]] = {}
    if case.letter_id:
        errors["letter"] = [f"该办件已关联承诺书{case.letter.number_label}。"]
    elif letter.department_id != case.department_id or letter.item_id != case.item_id:
        errors["letter"] = ["只能关联本单位同一证明事项的承诺书。"]
    elif Case.objects.filter(letter=letter).exists():
        errors["letter"] = [f"承诺书{letter.number_label}已关联其他办件。"]
    elif letter.withdrawn_on:
        errors["letter"] = [f"承诺书{letter.number_label}已撤回，不能关联。"]
    elif case.withdrawn_on:
        errors["letter"] = ["申请人已撤回承诺，该办件按原程序办理，不再关联承诺书。"]
    elif case.form_given_on is None:
        errors["letter"] = ["请先登记告知承诺书送达日期。"]
    elif letter.signed_on < case.form_given_on:
        errors["letter"] = [
            f"承诺书的承诺日期（{letter.signed_on:%Y-%m-%d}）早于告知承诺书发放日期"
            f"（{case.form_given_on:%Y-%m-%d}），请核对。"
        ]
    if errors:
        raise ValidationError(errors)
    case.letter = letter
    case.letter_linked_on = letter.signed_on
    return _save(case, user, ["letter", "letter_linked_on"])


@transaction.atomic
def case_withdraw(*, user, case, withdrawn_on, reason, today=None) -> Case:
    """The applicant withdraws the commitment before conclusion (三(五)); the case continues by
    the ordinary procedure. A linked letter is withdrawn too and leaves the public site."""
    today = today or timezone.localdate()
    _check(user, case.department_id)
    if case.concluded_on:
        raise ValidationError(
            {
                "__all__": [
                    f"该办件已于{case.concluded_on:%Y年%m月%d日}办结，办结后申请人不能再撤回承诺。"
                ]
            }
        )
    errors: dict[str, list[str]] = {}
    if case.withdrawn_on:
        errors["__all__"] = [f"申请人已于{case.withdrawn_on:%Y-%m-%d}撤回承诺。"]
    if message := date_error(
        "撤回日期", withdrawn_on, today, not_before=[(case.received_on, "收到申请日期")]
    ):
        errors["withdrawn_on"] = [message]
    reason = clean_text(reason or "").strip()
    if not reason:
        errors["reason"] = ["请填写撤回理由（申请人提出的理由）。"]
    if errors:
        raise ValidationError(errors)
    if case.letter_id and not case.letter.withdrawn_on:
        letter_withdraw(
            user=user,
            letter=case.letter,
            withdrawn_on=max(withdrawn_on, case.letter.signed_on),
            reason=reason,
            today=today,
        )
    case.withdrawn_on, case.withdrawal_reason = withdrawn_on, reason
    return _save(case, user, ["withdrawn_on", "withdrawal_reason"])


@transaction.atomic
def case_record_certificate(*, user, case, supplied_on, today=None) -> Case:
    """After a withdrawal, the day the applicant supplied the certificate (按原程序)."""
    today = today or timezone.localdate()
    _check(user, case.department_id)
    _refuse_if_closed(case, "登记提交证明")
    if not case.withdrawn_on:
        raise ValidationError(
            {"supplied_on": ["申请人未撤回承诺，无需登记按原程序提交证明的日期。"]}
        )
    if message := date_error(
        "提交证明日期", supplied_on, today, not_before=[(case.withdrawn_on, "撤回日期")]
    ):
        raise ValidationError({"supplied_on": [message]})
    case.certificate_supplied_on = supplied_on
    return _save(case, user, ["certificate_supplied_on"])


def _conclusion_errors(case, concluded_on, outcome, today) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    earliest = [(case.received_on, "收到申请日期")]
    if case.letter_id:
        earliest.append((case.letter.signed_on, "承诺日期"))
    if case.withdrawn_on:
        earliest.append((case.withdrawn_on, "撤回日期"))
    if case.certificate_supplied_on:
        earliest.append((case.certificate_supplied_on, "提交证明日期"))
    if message := date_error("办结日期", concluded_on, today, not_before=earliest):
        errors["concluded_on"] = [message]
    if outcome not in CaseOutcome.values:
        errors["outcome"] = ["请选择办理结果（准予、不予或终止办理）。"]
    elif outcome == CaseOutcome.GRANTED:
        if case.withdrawn_on and not case.certificate_supplied_on:
            errors["outcome"] = [
                "申请人已撤回承诺，按原程序办理：请先登记申请人提交证明的日期，再准予办理。"
            ]
        elif not case.withdrawn_on and not case.letter_id:
            errors["outcome"] = ["申请人尚未递交签署的承诺书，不能准予办理。"]
    return errors


@transaction.atomic
def case_conclude(*, user, case, concluded_on, outcome, note="", today=None) -> Case:
    """Conclude the case (办结) with its date and outcome."""
    today = today or timezone.localdate()
    _check(user, case.department_id)
    _refuse_if_closed(case, "办结")
    errors = _conclusion_errors(case, concluded_on, outcome, today)
    if errors:
        raise ValidationError(errors)
    case.concluded_on, case.outcome = concluded_on, outcome
    case.conclusion_note = clean_text(note or "").strip()
    return _save(case, user, ["concluded_on", "outcome", "conclusion_note"])


def _correction(*, user, case, kind, old, new, reason) -> CaseCorrection:
    """Keep the replaced values and the new ones as a correction record that points at the
    previous correction of the same fact, if any."""
    previous = case.corrections.filter(kind=kind, correction__isnull=True).order_by("-pk").first()
    correction = CaseCorrection(
        case=case,
        kind=kind,
        corrects=previous,
        old_values=old,
        new_values=new,
        reason=reason,
        recorded_by=user,
    )
    correction._history_user = user
    correction.save()
    return correction


def _reason_error(reason, errors) -> str:
    reason = clean_text(reason or "").strip()
    if not reason:
        errors["correction_reason"] = ["请填写更正理由（原记录错在哪里、依据什么更正）。"]
    return reason


@transaction.atomic
def case_correct_conclusion(
    *, user, case, concluded_on, outcome, note="", reason, today=None
) -> CaseCorrection:
    """Correct a recorded conclusion (更正办结结论): a new correction record keeps the old date,
    outcome and note; the case holds the corrected ones."""
    today = today or timezone.localdate()
    _check(user, case.department_id)
    if not case.concluded_on:
        raise ValidationError({"__all__": ["该办件尚未办结，没有可更正的办结结论。"]})
    errors = _conclusion_errors(case, concluded_on, outcome, today)
    reason = _reason_error(reason, errors)
    note = clean_text(note or "").strip()
    old = {
        "concluded_on": case.concluded_on.isoformat(),
        "outcome": case.outcome,
        "note": case.conclusion_note,
    }
    new = {
        "concluded_on": concluded_on.isoformat() if concluded_on else None,
        "outcome": outcome,
        "note": note,
    }
    if not errors and old == new:
        errors["__all__"] = ["更正后的办结结论与原结论相同，无需更正。"]
    if errors:
        raise ValidationError(errors)
    correction = _correction(
        user=user, case=case, kind=CaseCorrectionKind.CONCLUSION, old=old, new=new, reason=reason
    )
    case.concluded_on, case.outcome, case.conclusion_note = concluded_on, outcome, note
    _save(case, user, ["concluded_on", "outcome", "conclusion_note"])
    return correction


@transaction.atomic
def case_correct_withdrawal(
    *, user, case, withdrawn_on, withdrawal_reason, reason, today=None
) -> CaseCorrection:
    """Correct a recorded withdrawal's date or the applicant's reason (更正撤回记录). The
    withdrawal itself stays: the case continues by the ordinary procedure."""
    today = today or timezone.localdate()
    _check(user, case.department_id)
    if not case.withdrawn_on:
        raise ValidationError({"__all__": ["申请人未撤回承诺，没有可更正的撤回记录。"]})
    errors: dict[str, list[str]] = {}
    if message := date_error(
        "撤回日期", withdrawn_on, today, not_before=[(case.received_on, "收到申请日期")]
    ):
        errors["withdrawn_on"] = [message]
    else:
        for later, label in (
            (case.certificate_supplied_on, "提交证明日期"),
            (case.concluded_on, "办结日期"),
        ):
            if later and withdrawn_on > later:
                errors["withdrawn_on"] = [
                    f"撤回日期（{withdrawn_on:%Y-%m-%d}）不能晚于{label}（{later:%Y-%m-%d}）。"
                ]
                break
    withdrawal_reason = clean_text(withdrawal_reason or "").strip()
    if not withdrawal_reason:
        errors["withdrawal_reason"] = ["请填写撤回理由（申请人提出的理由）。"]
    reason = _reason_error(reason, errors)
    old = {"withdrawn_on": case.withdrawn_on.isoformat(), "reason": case.withdrawal_reason}
    new = {
        "withdrawn_on": withdrawn_on.isoformat() if withdrawn_on else None,
        "reason": withdrawal_reason,
    }
    if not errors and old == new:
        errors["__all__"] = ["更正后的撤回记录与原记录相同，无需更正。"]
    if errors:
        raise ValidationError(errors)
    correction = _correction(
        user=user, case=case, kind=CaseCorrectionKind.WITHDRAWAL, old=old, new=new, reason=reason
    )
    case.withdrawn_on, case.withdrawal_reason = withdrawn_on, withdrawal_reason
    _save(case, user, ["withdrawn_on", "withdrawal_reason"])
    return correction


@transaction.atomic
def choice_record(
    *, user, item, month: datetime.date, choice, count: int, note="", corrects=None, today=None
) -> ChoiceEntry:
    """Add applicants' choices for one item and month (counts only). A negative count
    corrects an earlier entry of the same item, month and choice and must point at it."""
    today = today or timezone.localdate()
    _check(user, item.department_id)
    errors: dict[str, list[str]] = {}
    if choice not in ApplicantChoice.values:
        errors["choice"] = ["请选择申请人的选择（告知承诺或提交证明）。"]
    if month is None:
        errors["month"] = ["请填写月份。"]
    else:
        month = month.replace(day=1)
        if message := date_error("月份", month, today):
            errors["month"] = [message]
    if not isinstance(count, int) or count == 0 or abs(count) > 9999:
        errors["count"] = ["件数应为1至9999之间的整数（更正时为负数）。"]
    elif count < 0:
        if corrects is None:
            errors["corrects"] = ["减少件数是更正，请选择被更正的登记记录。"]
        elif (corrects.item_id, corrects.month, corrects.choice) != (item.pk, month, choice):
            errors["corrects"] = ["被更正的记录须是同一证明事项、同一月份、同一选择的登记。"]
        elif corrects.count + sum(c.count for c in corrects.corrections.all()) + count < 0:
            errors["count"] = ["更正后的件数不能少于0。"]
    if errors:
        raise ValidationError(errors)
    entry = ChoiceEntry(
        department_id=item.department_id,
        item=item,
        month=month,
        choice=choice,
        count=count,
        corrects=corrects,
        note=clean_text(note or "", multiline=False).strip(),
        recorded_by=user,
    )
    entry._history_user = user
    entry.save()
    return entry
