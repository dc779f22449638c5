"""A unit's 工作规程 and 风险点与防控措施 are documents of their own: the unit's clerk writes or
uploads a version, the justice bureau approves it or returns it with a comment, every version
is kept with its history, supervisors read them, and 建章立制 is ticked when both are approved."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from supervision import states
from supervision.enums import Deliverable, MilestoneState, RuleKind, RuleStatus
from supervision.models import Milestone, Plan, RuleDocument
from supervision.services import rule_document_decide, rule_document_submit

from .helpers import docx

PROCEDURE, RISKS = RuleKind.PROCEDURE, RuleKind.RISK_CONTROLS


def submit(user, department, kind=PROCEDURE, text="一、受理：窗口人员当场告知。", **kwargs):
    return rule_document_submit(user=user, department=department, kind=kind, text=text, **kwargs)


def test_returned_version_is_kept_and_the_next_version_is_approved(editor_a, dept_a, reviewer):
    first = submit(editor_a, dept_a)
    assert (first.version, first.status) == (1, RuleStatus.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        rule_document_decide(user=reviewer, document=first, action="return", comment="")
    assert "退回时请填写审核意见" in str(error.value)
    rule_document_decide(user=reviewer, document=first, action="return", comment="补充核查环节。")
    second = submit(
        editor_a, dept_a, text="一、受理。二、核查：办结后30日内。", note="补充核查环节"
    )
    rule_document_decide(user=reviewer, document=second, action="approve")
    versions = list(
        RuleDocument.objects.filter(department=dept_a, kind=PROCEDURE).order_by("version")
    )
    assert [(v.version, v.status, v.comment) for v in versions] == [
        (1, RuleStatus.RETURNED, "补充核查环节。"),
        (2, RuleStatus.APPROVED, ""),
    ]
    assert versions[0].text == "一、受理：窗口人员当场告知。"  # the earlier text is not overwritten
    history = [(h.status, h.history_user) for h in versions[0].history.order_by("history_date")]
    assert history == [(RuleStatus.SUBMITTED, editor_a), (RuleStatus.RETURNED, reviewer)]


def test_one_version_at_a_time_is_under_review(editor_a, dept_a):
    submit(editor_a, dept_a)
    with pytest.raises(ValidationError) as error:
        submit(editor_a, dept_a, text="另一稿")
    assert "正在等待司法局审核" in str(error.value)
    assert RuleDocument.objects.count() == 1


def test_an_approved_version_stays_in_force_while_a_revision_is_reviewed(
    client, editor_a, dept_a, reviewer, supervisor
):
    approved = submit(editor_a, dept_a, text="第一版规程全文")
    rule_document_decide(user=reviewer, document=approved, action="approve")
    submit(editor_a, dept_a, text="第二版规程修订稿")
    client.force_login(supervisor)
    html = client.get(reverse("supervision_rule", args=[dept_a.pk, PROCEDURE])).content.decode()
    current = html.split("现行版本", 1)[1].split("待审核：第2版", 1)[0]
    assert "第1版" in current and "第一版规程全文" in current and "第二版" not in current
    assert "第二版规程修订稿" in html  # the version under review is readable too
    assert 'value="approve"' not in html and 'name="action" value="submit"' not in html


def test_nothing_written_nor_uploaded_is_refused_at_the_field(editor_a, dept_a):
    with pytest.raises(ValidationError) as error:
        submit(editor_a, dept_a, text="  ")
    assert error.value.message_dict == {"text": ["请填写正文，或上传文件。"]}
    fake = SimpleUploadedFile("规程.pdf", b"not a pdf at all")
    with pytest.raises(ValidationError) as error:
        submit(editor_a, dept_a, text="", file=fake)
    assert "内容不是 PDF 文件" in error.value.message_dict["file"][0]
    assert not RuleDocument.objects.exists()


def test_an_uploaded_version_is_served_only_to_readers_of_the_unit(
    client, editor_a, dept_a, editor_b, supervisor
):
    document = submit(editor_a, dept_a, text="", file=docx("工作规程.docx"))
    assert document.file.name.startswith("supervision/") and "工作规程" not in document.file.name
    url = reverse("supervision_rule_file", args=[document.pk])
    client.force_login(supervisor)
    response = client.get(url)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"PK")
    client.force_login(editor_b)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", ["editor_b", "leader_a", "reviewer", "supervisor"])
def test_only_the_units_own_clerk_submits(request, dept_a, who):
    user = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        submit(user, dept_a)
    assert not RuleDocument.objects.exists()


@pytest.mark.parametrize("who", ["editor_a", "leader_a", "supervisor"])
def test_only_the_justice_bureau_decides(request, editor_a, dept_a, who):
    document = submit(editor_a, dept_a)
    with pytest.raises(PermissionDenied):
        rule_document_decide(user=request.getfixturevalue(who), document=document, action="approve")
    document.refresh_from_db()
    assert document.status == RuleStatus.SUBMITTED


def test_the_clerk_submits_and_the_reviewer_returns_through_the_pages(
    client, editor_a, dept_a, reviewer
):
    url = reverse("supervision_rule", args=[dept_a.pk, RISKS])
    client.force_login(editor_a)
    client.post(url, {"action": "submit", "text": "风险点：核查不及时。防控：每日提醒。"})
    document = RuleDocument.objects.get(department=dept_a, kind=RISKS)
    client.force_login(reviewer)
    response = client.post(url, {"action": "return", "comment": ""})
    assert "退回时请填写审核意见" in response.content.decode()
    client.post(url, {"action": "return", "comment": "请列明责任人。"})
    document.refresh_from_db()
    assert (document.status, document.comment) == (RuleStatus.RETURNED, "请列明责任人。")


def test_another_units_rules_are_not_shown_to_a_clerk_or_leader(
    client, editor_b, dept_a, editor_a, leader_a, dept_b
):
    submit(editor_b, dept_b, text="乙局规程全文")
    for user in (editor_a, leader_a):
        client.force_login(user)
        response = client.get(reverse("supervision_rule", args=[dept_b.pk, PROCEDURE]))
        assert response.status_code == 302
        index = client.get(reverse("supervision_rules")).content.decode()
        assert dept_b.name not in index and dept_a.name in index


def rules_milestone(year=2030) -> Milestone:
    plan = Plan.objects.create(year=year, name=f"{year}年实施方案")
    return plan.milestones.create(
        name="建章立制", due_on=datetime.date(year, 4, 9), deliverable=Deliverable.RULES_APPROVED
    )


def test_rules_milestone_is_ticked_only_when_both_documents_are_approved(
    editor_a, dept_a, reviewer
):
    milestone = rules_milestone()
    before_due = datetime.date(2030, 4, 1)

    def state():
        return states.cell(milestone, dept_a, today=before_due)

    procedure = submit(editor_a, dept_a)
    rule_document_decide(user=reviewer, document=procedure, action="approve")
    assert state().state == MilestoneState.NOT_SUBMITTED
    risks = submit(editor_a, dept_a, kind=RISKS, text="风险点与防控措施全文")
    assert state().state == MilestoneState.NOT_SUBMITTED  # submitted, not yet approved
    rule_document_decide(user=reviewer, document=risks, action="approve")
    cell = state()
    assert (cell.state, cell.label) == (MilestoneState.CONFIRMED, "已确认（自动）")
    # a later returned revision does not undo the approved version in force
    revision = submit(editor_a, dept_a, kind=RISKS, text="修订稿")
    rule_document_decide(user=reviewer, document=revision, action="return", comment="不完整")
    assert state().state == MilestoneState.CONFIRMED
    matrix = states.matrix(milestone.plan, [dept_a], today=before_due)
    assert matrix.rows[0][1][0].automatic


def test_rules_milestone_is_overdue_after_its_date_without_both_approvals(editor_a, dept_a):
    milestone = rules_milestone()
    submit(editor_a, dept_a)
    assert states.cell(milestone, dept_a, today=datetime.date(2030, 4, 10)).state == (
        MilestoneState.OVERDUE
    )


def test_the_2021_plan_asks_for_the_rules_as_one_automatic_milestone(db):
    milestones = Milestone.objects.filter(plan__year=2021)
    rules = milestones.get(deliverable=Deliverable.RULES_APPROVED)
    assert rules.name == "建章立制：工作规程和风险点与防控措施"
    assert rules.due_on == datetime.date(2021, 4, 9)
    assert not milestones.filter(name__contains="风险点", deliverable="document").exists()
    assert not milestones.filter(name="建章立制：工作规程").exists()
