"""The verification task made when a letter is registered (called by ``letter_register``).

A task is made for every registered letter of an item that is not 免于核查, with the item's
method and a due date the item's time limit in official working days after the letter was
signed (the day the commitment was made and the application could be accepted on it).
"""

from django.core.exceptions import ValidationError

from catalog.enums import VerificationMethod
from commitments.models import VerificationTask
from commitments.workdays import UnknownCalendarYear, add_working_days

from .enums import FALLBACK_TIME_LIMIT_DAYS, TaskOrigin


def task_due_on(letter, days: int):
    """``days`` working days after the letter was signed, or a ValidationError at the field."""
    try:
        return add_working_days(letter.signed_on, days)
    except UnknownCalendarYear as e:
        raise ValidationError({"signed_on": [f"无法计算核查期限：{e}"]}) from e


def verification_task_for_letter(*, letter, origin=TaskOrigin.ITEM_RULE, method=None):
    """The task of a newly registered letter (None for an item exempt from verification,
    unless the letter was drawn by a sampling run, which passes its own method)."""
    item = letter.item
    method = method or item.verification_method
    if method == VerificationMethod.EXEMPT:
        return None
    days = item.verification_time_limit_days or FALLBACK_TIME_LIMIT_DAYS
    task = VerificationTask(
        letter=letter,
        department_id=letter.department_id,
        method=method,
        origin=origin,
        time_limit_days=days,
        due_on=task_due_on(letter, days),
    )
    task.save()
    return task
