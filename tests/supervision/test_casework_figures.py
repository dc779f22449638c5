"""The figures of the casework and of the rules, each computed from seeded records and equal
to a count done independently here (per unit and month, and banner-wide); and the hook through
which another app (e.g. credit) contributes figures without this app importing it."""

import datetime
from collections import Counter

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from commitments.models import (
    AssistanceReply,
    AssistanceRequest,
    Case,
    ChoiceEntry,
    CommitmentLetter,
    FalseCommitment,
    VerificationResult,
    VerificationTask,
)
from supervision import figures, periods
from supervision.enums import RuleKind
from supervision.models import RuleDocument
from supervision.services import rule_document_decide, rule_document_submit

from ..factories import make_item

TODAY = timezone.localdate()
THIS_MONTH = TODAY.replace(day=1)
LAST_MONTH = (THIS_MONTH - datetime.timedelta(days=1)).replace(day=1)
IN_LAST_MONTH = LAST_MONTH + datetime.timedelta(days=9)
TWO_MONTHS_AGO = (LAST_MONTH - datetime.timedelta(days=1)).replace(day=1)


def month(day) -> datetime.date:
    if isinstance(day, datetime.datetime):
        day = timezone.localtime(day).date()
    return day.replace(day=1)


def letter(item, user, number, withdrawn=False):
    return CommitmentLetter.objects.create(
        department=item.department,
        item=item,
        item_name=item.name,
        item_purpose="测试",
        year=TODAY.year,
        number=number,
        applicant_kind="person",
        person_name="测试",
        channel="in_person",
        received_on=TODAY,
        signed_on=TODAY,
        registered_by=user,
        withdrawn_on=TODAY if withdrawn else None,
    )


def task(item, user, number, due_on, withdrawn=False):
    return VerificationTask.objects.create(
        letter=letter(item, user, number, withdrawn),
        department=item.department,
        method="data_sharing",
        due_on=due_on,
        time_limit_days=5,
    )


def result(task, user, finding, checked_on, corrects=None):
    return VerificationResult.objects.create(
        task=task,
        checked_by=user,
        checked_on=checked_on,
        source="政务数据共享平台",
        finding=finding,
        reason="核对记录",
        corrects=corrects,
        recorded_by=user,
    )


@pytest.fixture
def casework(dept_a, dept_b, editor_a, editor_b, reviewer):
    item_a, item_b = make_item(editor_a, dept_a), make_item(editor_b, dept_b)
    for department, item, user, m, choice, count in (
        (dept_a, item_a, editor_a, THIS_MONTH, "commitment", 5),
        (dept_a, item_a, editor_a, THIS_MONTH, "certificate", 2),
        (dept_a, item_a, editor_a, LAST_MONTH, "commitment", 3),
        (dept_b, item_b, editor_b, THIS_MONTH, "certificate", 4),
    ):
        entry = ChoiceEntry.objects.create(
            department=department, item=item, month=m, choice=choice, count=count, recorded_by=user
        )
    first = ChoiceEntry.objects.get(department=dept_a, month=THIS_MONTH, choice="commitment")
    ChoiceEntry.objects.create(  # a correction: one fewer
        department=dept_a,
        item=item_a,
        month=THIS_MONTH,
        choice=first.choice,
        count=-1,
        corrects=first,
        recorded_by=editor_a,
    )
    assert entry
    for department, item, user, due, given in (
        (dept_a, item_a, editor_a, IN_LAST_MONTH, IN_LAST_MONTH),  # on time
        (dept_a, item_a, editor_a, IN_LAST_MONTH, IN_LAST_MONTH + datetime.timedelta(days=2)),
        (dept_b, item_b, editor_b, TWO_MONTHS_AGO, TWO_MONTHS_AGO),  # on time
        (dept_b, item_b, editor_b, TODAY, None),  # not sent yet
    ):
        Case.objects.create(
            department=department,
            item=item,
            item_name=item.name,
            channel="post",
            received_on=due - datetime.timedelta(days=3),
            form_due_on=due,
            form_given_on=given,
            return_working_days=10,
            opened_by=user,
        )
    checked = task(item_a, editor_a, 1, TODAY)
    first_result = result(checked, editor_a, "true", TODAY)
    corrected = result(checked, editor_a, "false", TODAY, corrects=first_result)
    overdue = task(item_a, editor_a, 2, IN_LAST_MONTH)  # unchecked after its deadline
    task(item_a, editor_a, 3, IN_LAST_MONTH, withdrawn=True)  # withdrawn: no longer checked
    task(item_a, editor_a, 4, TODAY)  # due today: not overdue
    late_b = task(item_b, editor_b, 5, IN_LAST_MONTH)
    result(late_b, editor_b, "unverifiable", IN_LAST_MONTH + datetime.timedelta(days=3))
    FalseCommitment.objects.create(
        department=dept_a,
        letter=checked.letter,
        result=corrected,
        summary="学历证明不实",
        opened_by=editor_a,
    )
    asked_b = AssistanceRequest.objects.create(  # A asks B, unanswered past its deadline
        task=overdue,
        requesting_department=dept_a,
        assisting_department=dept_b,
        question="核对户籍",
        sent_on=IN_LAST_MONTH,
        answer_working_days=5,
        due_on=IN_LAST_MONTH + datetime.timedelta(days=5),
        requested_by=editor_a,
    )
    asked_a = AssistanceRequest.objects.create(  # B asks A, answered (and the answer corrected)
        task=late_b,
        requesting_department=dept_b,
        assisting_department=dept_a,
        question="核对执业证",
        sent_on=IN_LAST_MONTH,
        answer_working_days=5,
        due_on=IN_LAST_MONTH + datetime.timedelta(days=5),
        requested_by=editor_b,
    )
    reply = AssistanceReply.objects.create(
        request=asked_a,
        kind="answer",
        finding="true",
        text="属实",
        replied_on=IN_LAST_MONTH + datetime.timedelta(days=1),
        replied_by=editor_a,
    )
    AssistanceReply.objects.create(
        request=asked_a,
        kind="answer",
        finding="false",
        text="更正：不实",
        replied_on=TODAY,
        corrects=reply,
        replied_by=editor_a,
    )
    for kind in RuleKind:
        document = rule_document_submit(user=editor_a, department=dept_a, kind=kind, text="全文")
        rule_document_decide(user=reviewer, document=document, action="approve")
    rule_document_submit(user=editor_b, department=dept_b, kind=RuleKind.PROCEDURE, text="稿")
    return {"a": dept_a, "b": dept_b, "asked_b": asked_b}


def independent() -> dict[str, Counter]:
    """The same figures counted row by row in Python."""
    counts = {key: Counter() for key in EXPECTED_KEYS}
    for entry in ChoiceEntry.objects.all():
        counts[f"choices_{entry.choice}"][(entry.department_id, entry.month)] += entry.count
    for case in Case.objects.exclude(form_given_on=None):
        key = "forms_on_time" if case.form_given_on <= case.form_due_on else "forms_late"
        counts[key][(case.department_id, month(case.form_given_on))] += 1
    for t in VerificationTask.objects.select_related("letter"):
        counts["verifications_due"][(t.department_id, month(t.due_on))] += 1
        results = list(t.results.all())
        if results:
            first = min(r.checked_on for r in results if r.corrects_id is None)
            counts["verifications_done"][(t.department_id, month(first))] += 1
            current = [r for r in results if not VerificationResult.objects.filter(corrects=r)]
            for r in current:
                counts[f"verification_{r.finding}"][(t.department_id, month(r.checked_on))] += 1
        elif t.due_on < TODAY and t.letter.withdrawn_on is None:
            counts["verifications_overdue"][(t.department_id, month(t.due_on))] += 1
    for f in FalseCommitment.objects.all():
        counts["false_commitments"][(f.department_id, month(f.opened_at))] += 1
    for r in AssistanceRequest.objects.all():
        replies = [x for x in r.replies.all() if x.corrects_id is None]
        if replies:
            first = min(x.replied_on for x in replies)
            counts["assistance_answered"][(r.assisting_department_id, month(first))] += 1
        elif r.due_on < TODAY:
            counts["assistance_overdue"][(r.assisting_department_id, month(r.due_on))] += 1
    for d in RuleDocument.objects.filter(status="approved"):
        counts["rules_approved"][(d.department_id, month(d.decided_at))] += 1
    return {key: Counter({k: v for k, v in c.items() if v}) for key, c in counts.items()}


EXPECTED_KEYS = [
    "choices_commitment",
    "choices_certificate",
    "forms_on_time",
    "forms_late",
    "verifications_due",
    "verifications_done",
    "verifications_overdue",
    "verification_true",
    "verification_false",
    "verification_partly_false",
    "verification_unverifiable",
    "false_commitments",
    "assistance_answered",
    "assistance_overdue",
    "rules_approved",
]


def test_each_casework_figure_equals_an_independent_count(casework):
    period = periods.Period.last_months(3)
    tables = {t.figure.key: t for t in figures.compute(period)}
    expected = independent()
    for key in EXPECTED_KEYS:
        counter = expected[key]
        assert tables[key].by_unit_month == dict(counter), key
        banner = Counter()
        for (_, m), n in counter.items():
            banner[m] += n
        assert tables[key].by_month == dict(banner), key
        assert tables[key].total == sum(counter.values()), key
    a, b = casework["a"].pk, casework["b"].pk
    # the seeded records, spelled out (so that the independent count is not vacuous)
    assert tables["choices_commitment"].by_unit_month == {(a, THIS_MONTH): 4, (a, LAST_MONTH): 3}
    assert tables["choices_certificate"].by_unit == {a: 2, b: 4}
    assert tables["forms_on_time"].by_unit == {a: 1, b: 1}
    assert tables["forms_late"].by_unit == {a: 1}
    assert tables["verifications_due"].total == 5
    assert tables["verifications_done"].by_unit == {a: 1, b: 1}
    assert tables["verifications_overdue"].by_unit_month == {(a, LAST_MONTH): 1}
    assert tables["verification_false"].total == 1 and tables["verification_true"].total == 0
    assert tables["verification_unverifiable"].by_unit == {b: 1}
    assert tables["false_commitments"].by_unit == {a: 1}
    assert tables["assistance_answered"].by_unit_month == {(a, LAST_MONTH): 1}
    assert tables["assistance_overdue"].by_unit_month == {(b, LAST_MONTH): 1}
    assert tables["rules_approved"].by_unit == {a: 2}


def test_an_answered_request_is_no_longer_overdue(casework, editor_b):
    AssistanceReply.objects.create(
        request=casework["asked_b"],
        kind="refusal",
        text="无权限查询",
        replied_on=TODAY,
        replied_by=editor_b,
    )
    tables = {t.figure.key: t for t in figures.compute(periods.Period.last_months(3))}
    assert tables["assistance_overdue"].total == 0
    assert tables["assistance_answered"].by_unit[casework["b"].pk] == 1


def credit_figures():
    """A fake contributor, as the credit app would register it (without importing us)."""

    def by_grade(context):
        first = context.period.months[-1]
        return {(UNIT["id"], first): 7, (UNIT["id"], datetime.date(1999, 1, 1)): 5, "bad": 1}

    return [
        {
            "key": "credit_grade_a",
            "label": "信用记录（A级）",
            "compute": by_grade,
            "group": "credit",
        }
    ]


UNIT = {}


def test_another_app_contributes_figures_through_the_hook(client, dept_a, supervisor):
    UNIT["id"] = dept_a.pk
    period = periods.Period.last_months(2)
    with hooks.register_temporarily(figures.SUPERVISION_FIGURES_HOOK, credit_figures):
        tables = {t.figure.key: t for t in figures.compute(period)}
        contributed = tables["credit_grade_a"]
        # rows outside the period or not following the contract are dropped
        assert contributed.by_unit_month == {(dept_a.pk, period.last): 7}
        assert contributed.figure.group == "credit" and contributed.figure.public
        client.force_login(supervisor)
        html = client.get(reverse("supervision_figures")).content.decode()
        assert "信用记录（A级）" in html and "信用记录" in html
        public = client.get(reverse("public:progress")).content.decode()
        assert "信用记录（A级）" in public
    assert "credit_grade_a" not in {t.figure.key for t in figures.compute(period)}


def test_a_contributed_key_may_not_replace_a_built_in_figure():
    def clash():
        return [{"key": "items_published", "label": "冒名", "compute": lambda context: {}}]

    with (
        hooks.register_temporarily(figures.SUPERVISION_FIGURES_HOOK, clash),
        pytest.raises(ImproperlyConfigured),
    ):
        figures.all_figures()
    with pytest.raises(ImproperlyConfigured):
        figures.register("items_published", "重复", lambda context: {})
