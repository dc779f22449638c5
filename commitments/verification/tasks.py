"""The verification task made when a letter is registered (called by ``letter_register``).

A task is made for every registered letter of an item that is not 免于核查, with the item's
method and a due date the item's time limit in official working days after the letter was
signed (the day the commitment was made and the application could be accepted on it).

Method rules: apps above ``commitments`` (credit: stricter verification for applicants with a
credit record) register ``rule(*, letter) -> (method, description, on_saved) | None`` with
``register_method_rule``; the first that answers replaces the item's method (also 免于核查) of
a letter's own task, and ``on_saved(task)`` is called once the task is saved.
"""

from django.core.exceptions import ValidationError

from catalog.enums import VerificationMethod
from commitments.models import VerificationTask
from commitments.workdays import UnknownCalendarYear, add_working_days

from .enums import FALLBACK_TIME_LIMIT_DAYS, TaskOrigin

_method_rules: list = []


def register_method_rule(rule) -> None:
    if rule not in _method_rules:
        _method_rules.append(rule)


def _method_rule(letter):
    for rule in _method_rules:
        if answer := rule(letter=letter):
            return answer
    return None


def task_due_on(start, days: int, field="signed_on"):
    """``days`` working days after ``start``, or a ValidationError at ``field``."""
    try:
        return add_working_days(start, days)
    except UnknownCalendarYear as e:
        raise ValidationError({field: [f"无法计算核查期限：{e}"]}) from e


def verification_task_for_letter(
    *,
    letter,
    user=None,
    origin=TaskOrigin.ITEM_RULE,
    method=None,
    start=None,
    days=None,
    assigned_to=None,
):
    """The task of a newly registered letter (None for an item exempt from verification).
    A sampling run passes its own method, start (the day of the draw) and time limit."""
    item = letter.item
    on_saved = None
    if method is None and origin == TaskOrigin.ITEM_RULE and (answer := _method_rule(letter)):
        method, _description, on_saved = answer
    method = method or item.verification_method
    if method == VerificationMethod.EXEMPT:
        return None
    days = days or item.verification_time_limit_days or FALLBACK_TIME_LIMIT_DAYS
    task = VerificationTask(
        letter=letter,
        department_id=letter.department_id,
        method=method,
        origin=origin,
        time_limit_days=days,
        due_on=task_due_on(start or letter.signed_on, days),
        assigned_to=assigned_to,
    )
    task._history_user = user
    task.save()
    if on_saved is not None:
        on_saved(task)
    return task
