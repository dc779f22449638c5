"""Service guides are reviewed and published like items: same workflow, same two steps, the
reviewed revision and nothing else, never by the author, with the same dashboard and history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import WorkflowState

from catalog.action_menu import withdraw_url
from catalog.guides.services import guide_update
from catalog.models import ServiceGuide
from catalog.services import item_review
from publishing.models import GuideWithdrawal
from publishing.services import guide_withdraw, item_withdraw

from ..factories import make_item, publish, send_back
from .helpers import make_guide, submit_guide

NS = "wagtailsnippets_catalog_serviceguide"


@pytest.fixture
def item_a(editor_a, dept_a, reviewer):
    item = make_item(editor_a, dept_a, name="拟任分所负责人执业经历证明")
    return publish(item, editor_a, reviewer)


def test_guide_and_item_share_the_one_review_workflow(editor_a, dept_a, item_a):
    guide = make_guide(editor_a, dept_a, item=item_a)
    assert guide.get_workflow() == item_a.get_workflow()
    assert [t.specific.__class__.__name__ for t in guide.get_workflow().tasks] == [
        "DepartmentLeaderApprovalTask",
        "JusticeBureauReviewTask",
    ]


def test_leader_then_reviewer_approval_publishes_exactly_the_reviewed_revision(
    editor_a, dept_a, reviewer, item_a, leader_a
):
    guide = submit_guide(make_guide(editor_a, dept_a, item=item_a), editor_a)
    reviewed = guide.current_workflow_task_state.revision_id
    assert guide.current_workflow_task.specific.__class__.__name__ == (
        "DepartmentLeaderApprovalTask"
    )
    item_review(user=leader_a, item=guide, action="approve")
    guide.refresh_from_db()
    assert guide.live is False
    item_review(user=reviewer, item=guide, action="approve")
    guide.refresh_from_db()
    assert guide.live is True
    assert guide.live_revision_id == reviewed
    assert guide.materials.get(replaced_by_commitment=True).certificate_item == item_a


def test_leader_of_another_department_cannot_approve_a_guide(editor_b, dept_b, leader_a, reviewer):
    from permissions.enums import Role

    from ..factories import make_user

    make_user("leader_b", role=Role.LEADER, departments=[dept_b])
    guide = submit_guide(make_guide(editor_b, dept_b), editor_b)
    with pytest.raises(PermissionDenied):
        item_review(user=leader_a, item=guide, action="approve")


def test_reviewer_cannot_approve_a_guide_they_submitted(reviewer, dept_a):
    guide = submit_guide(make_guide(reviewer, dept_a), reviewer)
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer, item=guide, action="approve")
    guide.refresh_from_db()
    assert guide.live is False


def test_edit_during_review_is_not_published_by_the_earlier_approval(editor_b, dept_b, reviewer):
    guide = submit_guide(make_guide(editor_b, dept_b, name="审核中修改的指南"), editor_b)
    guide_update(user=editor_b, guide=guide, fields={"name": "审核中改过的名称"})
    item_review(user=reviewer, item=guide, action="approve")
    guide.refresh_from_db()
    # the approval was for an outdated revision: the workflow restarts on the latest one
    assert guide.live is False
    assert guide.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_incomplete_guide_cannot_be_submitted(editor_a, dept_a):
    guide = make_guide(
        editor_a,
        dept_a,
        statutory_time_limit_days=None,
        is_free=False,
        contact_phone="",
        conditions="符合条件的律师事务所，以及有关部门要求的其他材料。",
    )
    with pytest.raises(ValidationError) as raised:
        submit_guide(guide, editor_a)
    assert raised.value.messages == [
        "“申请条件”中有“有关部门要求的其他材料”这样的兜底表述。实施方案要求告知内容可量化、"
        "易操作，不含模糊表述或兜底条款，请逐项写明具体的条件或材料。",
        "请填写法定办结时限（工作日）。",
        "请填写收费标准及依据；不收费的请勾选“不收费”。",
        "请填写咨询电话。",
    ]
    guide.refresh_from_db()
    assert guide.current_workflow_state is None


def test_publication_refuses_an_incomplete_guide_whoever_calls(editor_a, dept_a, reviewer):
    guide = make_guide(editor_a, dept_a, complaint_channel="")
    with pytest.raises(ValidationError) as raised:
        guide.get_latest_revision().publish(user=reviewer, skip_permission_checks=True)
    assert raised.value.messages == ["请填写投诉举报渠道（电话、地址或网址）。"]
    guide.refresh_from_db()
    assert guide.live is False


def test_withdrawn_item_blocks_approval_of_a_guide_that_links_it(
    client, editor_b, dept_b, reviewer, reviewer2
):
    item = publish(make_item(editor_b, dept_b, name="后来撤回的证明"), editor_b, reviewer)
    guide = submit_guide(make_guide(editor_b, dept_b, item=item), editor_b)
    item_withdraw(item=item, user=reviewer2, reason="上位法废止")
    client.force_login(reviewer)
    html = client.get(reverse("publishing_review_guide", args=[guide.pk])).content.decode()
    assert "对应的证明事项“后来撤回的证明”未发布或已从目录中撤回" in html
    assert 'value="approve"' not in html
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer, item=guide, action="approve")


def test_review_screen_shows_the_guide_against_its_published_version(
    client, editor_b, dept_b, reviewer, reviewer2
):
    guide = submit_guide(make_guide(editor_b, dept_b, promised_time_limit_days=10), editor_b)
    item_review(user=reviewer, item=guide, action="approve")
    guide_update(user=editor_b, guide=guide, fields={"promised_time_limit_days": 5})
    submit_guide(guide, editor_b)
    client.force_login(reviewer2)
    response = client.get(reverse("publishing_review_guide", args=[guide.pk]))
    html = response.content.decode()
    assert "与<strong>已发布版本</strong>相比，共有 1 处修改" in html
    assert "<del>10</del><ins>5</ins>" in html
    client.post(reverse("publishing_review_guide", args=[guide.pk]), {"action": "approve"})
    guide.refresh_from_db()
    assert guide.promised_time_limit_days == 5


def test_sending_back_a_guide_needs_a_comment_and_reaches_the_editors_panel(
    client, editor_b, dept_b, reviewer
):
    guide = submit_guide(make_guide(editor_b, dept_b, name="要退回的指南"), editor_b)
    client.force_login(reviewer)
    url = reverse("publishing_review_guide", args=[guide.pk])
    html = client.post(url, {"action": "reject", "comment": ""}).content.decode()
    assert "退回修改时必须填写意见，告诉编辑需要改什么。" in html
    client.post(url, {"action": "reject", "comment": "请补充办理窗口。"})
    client.force_login(editor_b)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    sent_back = home[home.index('id="panel-sent-back"') :]
    assert "要退回的指南" in sent_back and "请补充办理窗口。" in sent_back
    assert reverse(f"{NS}:edit", args=[guide.pk]) in sent_back


def test_awaiting_review_panel_lists_guides_with_their_review_link(
    client, editor_a, dept_a, editor_b, dept_b, reviewer
):
    guide = submit_guide(make_guide(editor_b, dept_b, name="乙局待审指南"), editor_b)
    make_guide(editor_a, dept_a, name="甲局指南草稿")
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    awaiting = html[html.index('id="panel-awaiting-review"') :]
    awaiting = awaiting[: awaiting.index("</section>")]
    assert "乙局待审指南" in awaiting and "办事指南" in awaiting
    assert reverse("publishing_review_guide", args=[guide.pk]) in awaiting
    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    drafts = html[html.index('id="panel-my-drafts"') :]
    assert "甲局指南草稿" in drafts[: drafts.index("</section>")]


def test_guide_history_and_compare_show_every_revision(client, editor_a, dept_a):
    guide = make_guide(editor_a, dept_a, name="有历史的指南")
    guide_update(user=editor_a, guide=guide, fields={"window": "3号窗口"})
    client.force_login(editor_a)
    history = client.get(reverse(f"{NS}:history", args=[guide.pk]))
    assert history.status_code == 200 and "有历史的指南" in history.content.decode()
    compare = client.get(reverse(f"{NS}:revisions_compare", args=[guide.pk, "earliest", "latest"]))
    assert "3号窗口" in compare.content.decode()
    assert guide.revisions.count() == 2


def test_reviewer_withdraws_a_published_guide_with_a_reason(
    client, editor_b, dept_b, reviewer, reviewer2
):
    guide = submit_guide(make_guide(editor_b, dept_b, name="要撤下的指南"), editor_b)
    item_review(user=reviewer, item=guide, action="approve")
    guide.refresh_from_db()
    with pytest.raises(PermissionDenied):
        guide_withdraw(guide=guide, user=editor_b, reason="不再办理")
    client.force_login(reviewer2)
    client.post(withdraw_url(ServiceGuide, guide.pk), {"reason": "事项已取消"})
    guide.refresh_from_db()
    assert guide.live is False
    assert GuideWithdrawal.objects.get(guide=guide).reason == "事项已取消"
    assert client.get(reverse("public:guide", args=[guide.pk])).status_code == 410  # Gone


def test_published_guide_cannot_be_deleted(client, editor_b, dept_b, reviewer):
    guide = submit_guide(make_guide(editor_b, dept_b), editor_b)
    item_review(user=reviewer, item=guide, action="approve")
    client.force_login(editor_b)
    client.post(reverse(f"{NS}:delete", args=[guide.pk]))
    assert ServiceGuide.objects.filter(pk=guide.pk).exists()


def test_sent_back_guide_can_be_resubmitted(editor_b, dept_b, reviewer):
    guide = submit_guide(make_guide(editor_b, dept_b), editor_b)
    send_back(guide, reviewer)
    assert guide.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    submit_guide(guide, editor_b)
    assert guide.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
