"""Reads for supervision pages: the plan shown, the units a user may see, the cell's records."""

from django.utils import timezone

from catalog.models import CertificateItem, Department
from permissions.scope import Scope, filter_by_scope
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .models import Plan, ProblemReport, Submission


def current_plan(plan_id: str | int | None = None) -> Plan | None:
    """The plan asked for, else this year's (or the latest before it), else the next one."""
    plans = Plan.objects.all()
    if plan_id and str(plan_id).isdigit():
        plan = plans.filter(pk=int(plan_id)).first()
        if plan is not None:
            return plan
    this_year = timezone.localdate().year
    return (
        plans.filter(year__lte=this_year).order_by("-year").first()
        or plans.order_by("year").first()
    )


def visible_departments(user, kind: str = ""):
    """The units ``user`` may see (every unit for reviewers and supervisors, else their own),
    optionally of one kind, in 附件1 order."""
    departments = filter_by_scope(Department.objects.all(), user, Scope.VIEW, field="pk")
    if reader.term(Vocabulary.DEPARTMENT_KIND, kind):
        departments = departments.filter(kind=kind)
    return departments.order_by("sort_order", "pk")


def departments_without_published_items(departments):
    """Units with nothing in the public catalog yet (“分步骤全覆盖”)."""
    live = CertificateItem.objects.filter(live=True).values("department_id")
    return departments.exclude(pk__in=live)


def cell_submission(milestone, department) -> Submission | None:
    return (
        Submission.objects.filter(milestone=milestone, department=department)
        .select_related("submitted_by", "decided_by")
        .first()
    )


def submission_history(submission):
    """The submission's states, newest first (simple-history), with who and when."""
    if submission is None:
        return []
    return list(submission.history.select_related("history_user").order_by("-history_date"))


def visible_problems(user):
    return filter_by_scope(
        ProblemReport.objects.select_related("department", "reported_by", "answered_by"),
        user,
        Scope.VIEW,
    )
