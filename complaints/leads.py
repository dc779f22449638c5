"""A report of a false commitment as a verification lead on the letter it names (issue 14,
ADR 014): the complaint links to the letter's verification task, the task's page lists the
complaints naming the letter, and for a letter without a task (its item exempt from
verification) the letter's department may open one from the complaint.

Only this app knows of both sides: the task's page shows the complaints through the
``verification_task_sections`` hook registered in ``wagtail_hooks.py``."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from catalog.enums import VerificationMethod
from commitments.cases.rules import user_handles_cases
from commitments.models import VerificationTask
from commitments.verification.enums import FALLBACK_TIME_LIMIT_DAYS, TaskOrigin
from commitments.verification.selectors import staff_tasks
from commitments.verification.tasks import verification_task_for_letter

from . import access
from .enums import ComplaintKind
from .models import Complaint


@dataclass(frozen=True)
class Lead:
    """What a complaint's page shows of the letter's verification, for one user."""

    task: VerificationTask | None  # the task, if the user may see it
    has_task: bool  # whether the letter has a task at all
    may_open: bool  # the user may open a task for the letter from this complaint


def lead_of(user, complaint) -> Lead | None:
    """None when the complaint names no letter."""
    letter = complaint.letter
    if letter is None:
        return None
    task = staff_tasks(user).filter(letter=letter).first()
    has_task = task is not None or VerificationTask.objects.filter(letter=letter).exists()
    may_open = (
        not has_task
        and complaint.kind == ComplaintKind.FALSE_COMMITMENT
        and user_handles_cases(user, letter.department_id)
    )
    return Lead(task=task, has_task=has_task, may_open=may_open)


def complaints_naming(user, letter):
    """The complaints naming ``letter`` that ``user`` may see, newest first."""
    return access.visible_complaints(
        user, Complaint.objects.filter(letter=letter).select_related("department")
    )


def task_section(request, task) -> str:
    """The section of a verification task's page listing the complaints naming its letter."""
    rows = list(complaints_naming(request.user, task.letter))
    if not rows:
        return ""
    return render_to_string(
        "complaints/admin/task_section.html", {"complaints": rows}, request=request
    )


@transaction.atomic
def complaint_open_verification(*, user, complaint, today=None) -> VerificationTask:
    """Open a verification task, on site, for the letter a false-commitment report names when
    the letter has none (its item is exempt from verification); by the letter's department."""
    today = today or timezone.localdate()
    letter = complaint.letter
    if letter is None or complaint.kind != ComplaintKind.FALSE_COMMITMENT:
        raise ValidationError("只有指明承诺书的虚假承诺举报才能据以发起核查。")
    if not user_handles_cases(user, letter.department_id):
        raise PermissionDenied("只能由承诺书所属单位的工作人员发起核查。")
    if VerificationTask.objects.select_for_update().filter(letter=letter).exists():
        raise ValidationError("该承诺书已有核查任务。")
    return verification_task_for_letter(
        letter=letter,
        user=user,
        origin=TaskOrigin.COMPLAINT,
        method=VerificationMethod.ON_SITE,
        start=today,
        days=FALLBACK_TIME_LIMIT_DAYS,
    )
