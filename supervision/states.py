"""The state of every unit at every milestone, computed from the stored decisions and from
what the platform knows (facts are ticked automatically, never uploaded).

Rules (ADR 015), for a milestone that applies to the unit's kind:

- a fact milestone: 已确认 when the fact holds now, else 逾期 after the due date, else 未提交;
- a document milestone: the stored submission's state (已提交 / 已确认 / 已退回 — a returned
  deliverable stays 已退回 with its comment after the due date, since the unit has to act);
  without a submission, 逾期 after the due date, else 未提交.

The whole matrix costs a fixed number of queries, whatever the number of units.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from catalog.models import CertificateItem, Department, ServiceGuide

from .enums import Deliverable, MilestoneState, RuleKind, RuleStatus, SubmissionStatus
from .models import Milestone, RuleDocument, Submission

LIAISON_FIELDS = (
    "leader_name",
    "leader_office_phone",
    "leader_mobile",
    "liaison_name",
    "liaison_office_phone",
    "liaison_mobile",
)
SUBMISSION_STATES = {
    SubmissionStatus.SUBMITTED: MilestoneState.SUBMITTED,
    SubmissionStatus.CONFIRMED: MilestoneState.CONFIRMED,
    SubmissionStatus.RETURNED: MilestoneState.RETURNED,
}


def liaison_complete_q() -> Q:
    """附件2 complete: the leader's and the liaison's name and both phone numbers."""
    condition = Q()
    for name in LIAISON_FIELDS:
        condition &= ~Q(**{name: ""})
    return condition


def departments_with_live_items() -> set[int]:
    return set(
        CertificateItem.objects.filter(live=True).values_list("department_id", flat=True).distinct()
    )


def departments_with_live_guides() -> set[int]:
    return set(
        ServiceGuide.objects.filter(live=True).values_list("department_id", flat=True).distinct()
    )


def departments_with_approved_rules() -> set[int]:
    """Units whose 工作规程 *and* 风险点与防控措施 each have an approved version (建章立制)."""
    return set(
        RuleDocument.objects.filter(status=RuleStatus.APPROVED)
        .values("department_id")
        .order_by()
        .annotate(kinds=Count("kind", distinct=True))
        .filter(kinds=len(RuleKind.values))
        .values_list("department_id", flat=True)
    )


def facts(department_ids=None) -> dict[str, set[int]]:
    """For each fact deliverable, the ids of the units for which it holds now."""
    departments = Department.objects.all()
    if department_ids is not None:
        departments = departments.filter(pk__in=department_ids)
    return {
        Deliverable.LIAISON_COMPLETE: set(
            departments.filter(liaison_complete_q()).values_list("pk", flat=True)
        ),
        Deliverable.CATALOG_PUBLISHED: departments_with_live_items(),
        Deliverable.GUIDES_PUBLISHED: departments_with_live_guides(),
        Deliverable.RULES_APPROVED: departments_with_approved_rules(),
    }


def state_of(milestone, submission, fact_holds: bool, today: datetime.date) -> MilestoneState:
    if milestone.is_fact:
        if fact_holds:
            return MilestoneState.CONFIRMED
    elif submission is not None:
        return SUBMISSION_STATES[submission.status]
    if milestone.due_on < today:
        return MilestoneState.OVERDUE
    return MilestoneState.NOT_SUBMITTED


@dataclass
class Cell:
    milestone: Milestone
    department: Department
    state: MilestoneState | None  # None: the milestone does not apply to this unit's kind
    submission: Submission | None = None
    automatic: bool = False

    @property
    def label(self) -> str:
        if self.state is None:
            return "不适用"
        if self.automatic and self.state == MilestoneState.CONFIRMED:
            return "已确认（自动）"
        return MilestoneState(self.state).label


@dataclass
class Matrix:
    milestones: list[Milestone]
    rows: list[tuple[Department, list[Cell]]]
    totals: dict[str, dict[str, int]] = field(default_factory=dict)  # milestone pk -> state -> n


def matrix(plan, departments, today: datetime.date | None = None) -> Matrix:
    """Every unit of ``departments`` × every milestone of ``plan``."""
    today = today or timezone.localdate()
    milestones = list(plan.milestones.order_by("due_on", "sort_order", "pk"))
    departments = list(departments)
    ids = [d.pk for d in departments]
    submissions = {
        (s.milestone_id, s.department_id): s
        for s in Submission.objects.filter(milestone__plan=plan, department_id__in=ids)
        .annotate(document_count=Count("documents"))
        .only("pk", "milestone_id", "department_id", "status", "comment")
    }
    known = facts(ids)
    totals = {m.pk: {state.value: 0 for state in MilestoneState} for m in milestones}
    rows = []
    for department in departments:
        cells = []
        for milestone in milestones:
            if not milestone.applies_to(department):
                cells.append(Cell(milestone, department, None))
                continue
            submission = submissions.get((milestone.pk, department.pk))
            holds = milestone.is_fact and department.pk in known[milestone.deliverable]
            state = state_of(milestone, submission, holds, today)
            totals[milestone.pk][state.value] += 1
            cells.append(Cell(milestone, department, state, submission, automatic=holds))
        rows.append((department, cells))
    return Matrix(milestones, rows, totals)


def cell(milestone, department, today: datetime.date | None = None) -> Cell:
    """One unit at one milestone (the cell's own page)."""
    today = today or timezone.localdate()
    if not milestone.applies_to(department):
        return Cell(milestone, department, None)
    submission = Submission.objects.filter(milestone=milestone, department=department).first()
    holds = milestone.is_fact and department.pk in facts([department.pk])[milestone.deliverable]
    return Cell(
        milestone,
        department,
        state_of(milestone, submission, holds, today),
        submission,
        automatic=holds,
    )
