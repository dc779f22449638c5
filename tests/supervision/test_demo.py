"""The demo holds the 2021 plan with units in every state, the 2027 plan still to come, and
problem reports; loading it again changes nothing."""

from django.core.management import call_command

from catalog.models import Department
from supervision import states
from supervision.enums import Deliverable, MilestoneState, ProblemStatus, RuleStatus
from supervision.models import Plan, ProblemReport, RuleDocument, Submission, SubmissionDocument


def state_counts(plan, today=None):
    matrix = states.matrix(plan, Department.objects.order_by("sort_order", "pk"), today=today)
    counts = {}
    for _, cells in matrix.rows:
        for cell in cells:
            counts[cell.state] = counts.get(cell.state, 0) + 1
    return counts


def test_demo_plan_has_units_in_every_state_and_reloads_unchanged(db):
    call_command("load_demo_data", verbosity=0)
    plan_2021 = Plan.objects.get(year=2021)
    counts = state_counts(plan_2021)
    assert {
        MilestoneState.SUBMITTED,
        MilestoneState.CONFIRMED,
        MilestoneState.RETURNED,
        MilestoneState.OVERDUE,
    } <= set(counts)
    assert sum(counts.values()) == 46 * plan_2021.milestones.count()
    returned = Submission.objects.filter(status="returned")
    assert returned.exists() and all(s.comment for s in returned)
    assert all(s.submitted_at.year == 2021 for s in Submission.objects.all())
    plan_2027 = Plan.objects.get(year=2027)
    assert MilestoneState.NOT_SUBMITTED in state_counts(plan_2027)
    assert set(ProblemReport.objects.values_list("status", flat=True)) == {
        ProblemStatus.OPEN,
        ProblemStatus.ANSWERED,
    }
    # 建章立制: rule documents in every state, the milestone ticked for some units only
    assert set(RuleDocument.objects.values_list("status", flat=True)) == set(RuleStatus.values)
    rules = plan_2021.milestones.get(deliverable=Deliverable.RULES_APPROVED)
    ticked = states.departments_with_approved_rules()
    assert ticked and len(ticked) < 46
    cell = states.cell(rules, Department.objects.get(pk=min(ticked)))
    assert cell.label == "已确认（自动）"
    before = (Submission.objects.count(), SubmissionDocument.objects.count(), Plan.objects.count())
    rules_count = RuleDocument.objects.count()
    call_command("load_demo_data", verbosity=0)
    after = (Submission.objects.count(), SubmissionDocument.objects.count(), Plan.objects.count())
    assert after == before and ProblemReport.objects.count() == 2
    assert RuleDocument.objects.count() == rules_count
