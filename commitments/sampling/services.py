"""Every write of random inspection (双随机、一公开): the inspector list and the sampling runs.

A run takes every letter of the department's exempt items signed in the period, not
withdrawn and not yet checked, draws a proportion or a number of them with a recorded seed,
draws an inspector for each from the department's list, and makes an on-site verification task
for each. A run is never undone: another run for an overlapping period names the earlier one and
says why.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from catalog.enums import VerificationMethod
from catalog.text import clean_text
from commitments.models import CommitmentLetter, Inspector, SamplingDraw, SamplingRun

from ..cases.rules import OWN_DEPARTMENT_ONLY, date_error, user_handles_cases
from ..verification.enums import TaskOrigin
from ..verification.services import is_department_member
from ..verification.tasks import verification_task_for_letter
from .draw import draw, sample_size

SAMPLING_TIME_LIMIT_DAYS = 10


def _check(user, department_id):
    if not user_handles_cases(user, department_id):
        raise PermissionDenied(OWN_DEPARTMENT_ONLY)


@transaction.atomic
def inspector_set(*, user, department, member, active: bool) -> Inspector:
    _check(user, department.pk)
    if active and not is_department_member(member, department.pk):
        raise ValidationError({"member": ["检查人员须是本单位的工作人员。"]})
    entry = Inspector.objects.filter(department=department, user=member).first() or Inspector(
        department=department, user=member
    )
    entry.active = active
    entry._history_user = user
    entry.save()
    return entry


def eligible_letters(department, start, end):
    return CommitmentLetter.objects.filter(
        department=department,
        item__verification_method=VerificationMethod.EXEMPT,
        signed_on__gte=start,
        signed_on__lte=end,
        withdrawn_on__isnull=True,
        verification__isnull=True,
    )


@transaction.atomic
def sampling_run(
    *,
    user,
    department,
    period_start,
    period_end,
    percentage=None,
    count=None,
    reason="",
    redoes=None,
    seed=None,
    today=None,
) -> SamplingRun:
    today = today or timezone.localdate()
    _check(user, department.pk)
    errors: dict[str, list[str]] = {}
    if message := date_error("抽查范围起始日期", period_start, today):
        errors["period_start"] = [message]
    if message := date_error(
        "抽查范围截止日期", period_end, today, not_before=[(period_start, "起始日期")]
    ):
        errors["period_end"] = [message]
    if (percentage is None) == (count is None):
        errors["percentage"] = ["请填写抽查比例或抽查件数（二者填一项）。"]
    elif percentage is not None and not 1 <= percentage <= 100:
        errors["percentage"] = ["抽查比例应为1%至100%。"]
    elif count is not None and count < 1:
        errors["count"] = ["抽查件数应至少为1件。"]
    reason = clean_text(reason or "").strip()
    overlapping = (
        SamplingRun.objects.filter(
            department=department, period_start__lte=period_end, period_end__gte=period_start
        )
        .order_by("-run_at")
        .first()
        if period_start and period_end
        else None
    )
    if overlapping and redoes is None:
        errors["redoes"] = [
            f"该期间已于{timezone.localtime(overlapping.run_at):%Y-%m-%d}抽查过（抽查{overlapping.pk}）；"
            "再次抽取须选择前次抽查并说明理由，两次抽查都会保留并公开。"
        ]
    if redoes is not None and (redoes.department_id != department.pk):
        errors["redoes"] = ["只能选择本单位的前次抽查。"]
    if redoes is not None and not reason:
        errors["reason"] = ["再次抽取须说明理由。"]
    inspectors = list(
        Inspector.objects.filter(
            department=department, active=True, user__is_active=True
        ).values_list("user_id", flat=True)
    )
    if not inspectors:
        errors["__all__"] = ["本单位检查人员名录为空，请先添加检查人员。"]
    if errors:
        raise ValidationError(errors)
    population = sorted(
        eligible_letters(department, period_start, period_end).values_list("pk", flat=True)
    )
    seed = seed or str(secrets.randbits(63))
    size = sample_size(len(population), percentage=percentage, count=count)
    run = SamplingRun(
        department=department,
        period_start=period_start,
        period_end=period_end,
        percentage=percentage,
        count=count,
        seed=seed,
        population=population,
        inspector_pool=sorted(inspectors),
        redoes=redoes,
        reason=reason,
        run_by=user,
    )
    run._history_user = user
    run.save()
    users = get_user_model().objects.in_bulk(inspectors)
    letters = CommitmentLetter.objects.select_related("item").in_bulk(population)
    for position, (letter_id, inspector_id) in enumerate(
        draw(population, size, inspectors, seed), start=1
    ):
        task = verification_task_for_letter(
            letter=letters[letter_id],
            user=user,
            origin=TaskOrigin.SAMPLING,
            method=VerificationMethod.ON_SITE,
            start=today,
            days=SAMPLING_TIME_LIMIT_DAYS,
            assigned_to=users[inspector_id],
        )
        SamplingDraw.objects.create(
            run=run,
            letter_id=letter_id,
            inspector=users[inspector_id],
            task=task,
            position=position,
        )
    return run
