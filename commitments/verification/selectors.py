"""Reads of verification for the admin pages."""

from django.contrib.auth import get_user_model

from commitments.models import VerificationTask
from permissions.enums import Role
from permissions.services import users_in_role

from ..cases.rules import scoped


def staff_tasks(user):
    return scoped(
        VerificationTask.objects.select_related(
            "letter", "letter__item", "department", "assigned_to"
        ),
        user,
    )


def department_staff(department):
    """Who may be assigned or named as checker: the department's editors and leaders."""
    ids = set(users_in_role(department, Role.EDITOR).values_list("pk", flat=True)) | set(
        users_in_role(department, Role.LEADER).values_list("pk", flat=True)
    )
    return get_user_model().objects.filter(pk__in=ids).order_by("username")


def results_of(task):
    return task.results.select_related("checked_by", "recorded_by", "corrects").prefetch_related(
        "evidence"
    )
