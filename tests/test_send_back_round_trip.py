"""The send-back round trip as the clerk, the leader and the reviewer live it.

A record sent back says at the top of its edit page who sent it back, when and why; its status
reads 已退回修改; its actions read 修改后重新提交审核 / 撤回审核申请. A corrected resubmission goes
through the review route once from its first step (the leader, then the justice bureau), and the
reviewer is told before deciding when a newer version will need review again.
"""

import re

import pytest
from django.urls import reverse

from catalog.services import item_update
from catalog.workflow import review_summary

from .factories import approve, make_item, send_back, submit
from .test_admin_forms import NS, form_data

COMMENT = "请补充《律师法》第十九条的条文内容。"


def step(item):
    item.refresh_from_db()
    task = item.current_workflow_task
    return task.name if task else None


def edit_page(client, user, item) -> str:
    client.force_login(user)
    return client.get(reverse(f"{NS}:edit", args=[item.pk])).content.decode()


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def sent_back_by_reviewer(editor_a, dept_a, leader_a, reviewer):
    """Submitted, approved by the leader, sent back by the justice bureau."""
    item = submit(make_item(editor_a, dept_a, name="律师执业年限证明"), editor_a)
    approve(item, leader_a)
    return send_back(item, reviewer, COMMENT)


def test_a_corrected_resubmission_goes_to_the_leader_then_the_reviewer_once(
    editor_a, leader_a, reviewer, sent_back_by_reviewer
):
    item = sent_back_by_reviewer
    item_update(user=editor_a, item=item, fields={"purpose": "律师事务所申请设立分所（已补充）"})
    submit(item, editor_a)
    assert step(item) == "分管领导审批"

    approve(item, leader_a)
    assert step(item) == "司法局审核"

    approve(item, reviewer)
    item.refresh_from_db()
    assert item.live and item.current_workflow_state is None
    assert item.purpose == "律师事务所申请设立分所（已补充）"


def test_an_unchanged_resubmission_keeps_the_leaders_approval(
    editor_a, reviewer, sent_back_by_reviewer
):
    item = sent_back_by_reviewer
    submit(item, editor_a)
    assert step(item) == "司法局审核"


def test_without_a_leader_the_resubmission_goes_straight_to_the_reviewer(
    editor_b, dept_b, reviewer
):
    item = send_back(submit(make_item(editor_b, dept_b), editor_b), reviewer)
    item_update(user=editor_b, item=item, fields={"purpose": "改正后的用途"})
    submit(item, editor_b)
    assert step(item) == "司法局审核"
    approve(item, reviewer)
    item.refresh_from_db()
    assert item.live


def test_resubmitting_from_the_edit_form_takes_the_same_route(
    client, editor_a, sent_back_by_reviewer
):
    item = sent_back_by_reviewer
    client.force_login(editor_a)
    data = form_data(item, purpose="按意见补充后的用途", **{"action-submit": "1"})
    response = client.post(reverse(f"{NS}:edit", args=[item.pk]), data, follow=True)
    assert "已提交审核" in text(response.content.decode())
    assert step(item) == "分管领导审批"


def test_the_edit_page_of_a_sent_back_item_says_who_sent_it_back_and_why_at_the_top(
    client, editor_a, sent_back_by_reviewer
):
    item = sent_back_by_reviewer
    html = edit_page(client, editor_a, item)
    notice = html.index('id="review-notice-title"')
    assert notice < html.index('id="w-editor-form"')
    words = text(html[notice:])
    assert "已退回修改" in words
    assert "reviewer （司法局审核）于" in words
    assert COMMENT in words
    assert "分管领导审批 → 司法局审核" in words


def test_the_status_panel_reads_sent_back_not_in_moderation(
    client, editor_a, sent_back_by_reviewer
):
    html = edit_page(client, editor_a, sent_back_by_reviewer)
    panel = text(html[html.index('data-side-panel="status"') :])
    assert "状态： 已退回修改" in panel
    assert f"退回意见：{COMMENT}" in panel
    assert "In Moderation" not in html and "Changes requested" not in html


def test_the_clerks_actions_read_as_a_clerk_would_say_them(client, editor_a, sent_back_by_reviewer):
    html = edit_page(client, editor_a, sent_back_by_reviewer)
    actions = dict(re.findall(r'<button[^>]*name="(action-[a-z-]+)"[^>]*value="([^"]*)"', html))
    assert actions["action-submit"] == "修改后重新提交审核"
    assert actions["action-cancel-workflow"] == "撤回审核申请"
    assert "action-restart-workflow" not in actions


def test_an_item_in_review_offers_to_withdraw_the_request(client, editor_b, dept_b):
    item = submit(make_item(editor_b, dept_b), editor_b)
    html = edit_page(client, editor_b, item)
    actions = dict(re.findall(r'<button[^>]*name="(action-[a-z-]+)"[^>]*value="([^"]*)"', html))
    assert actions.get("action-cancel-workflow") == "撤回审核申请"
    assert "action-submit" not in actions
    assert "审核中：司法局审核" in text(html)


def test_a_new_item_is_submitted_with_the_clerks_words(client, editor_a):
    client.force_login(editor_a)
    html = client.get(reverse(f"{NS}:add")).content.decode()
    actions = dict(re.findall(r'<button[^>]*name="(action-[a-z-]+)"[^>]*value="([^"]*)"', html))
    assert actions["action-submit"] == "提交审核"


def test_the_review_summary_names_the_sender_the_step_and_the_comment(
    reviewer, sent_back_by_reviewer
):
    summary = review_summary(sent_back_by_reviewer)
    assert summary.is_sent_back
    assert (summary.sent_back_by, summary.step, summary.comment) == (
        "reviewer",
        "司法局审核",
        COMMENT,
    )


def test_the_reviewer_is_told_before_deciding_that_a_newer_version_needs_review_again(
    client, editor_a, leader_a, reviewer, dept_a
):
    item = submit(make_item(editor_a, dept_a), editor_a)
    approve(item, leader_a)
    item_update(user=editor_a, item=item, fields={"purpose": "审核期间修改的用途"})
    client.force_login(reviewer)
    page = text(client.get(reverse("publishing_review", args=[item.pk])).content.decode())
    assert "又修改了内容" in page
    assert "审核通过后不会发布" in page
    assert "审核通过并发布" not in page

    response = client.post(
        reverse("publishing_review", args=[item.pk]), {"action": "approve"}, follow=True
    )
    assert "已转交“分管领导审批”环节" in text(response.content.decode())
    assert step(item) == "分管领导审批"


def test_the_leaders_approval_says_where_the_item_went(client, editor_a, leader_a, dept_a):
    item = submit(make_item(editor_a, dept_a), editor_a)
    client.force_login(leader_a)
    page = text(client.get(reverse("publishing_review", args=[item.pk])).content.decode())
    assert "审核通过，转交下一环节" in page
    response = client.post(
        reverse("publishing_review", args=[item.pk]), {"action": "approve"}, follow=True
    )
    assert "审核通过，已转交“司法局审核”环节。" in text(response.content.decode())


def test_a_send_back_without_a_comment_is_explained_at_the_top_and_takes_the_focus(
    client, editor_b, dept_b, reviewer
):
    item = submit(make_item(editor_b, dept_b), editor_b)
    client.force_login(reviewer)
    response = client.post(reverse("publishing_review", args=[item.pk]), {"action": "reject"})
    html = response.content.decode()
    summary = html.index('id="review-errors"')
    assert summary < html.index('class="review-table"')
    assert re.search(r'id="review-errors"[^>]*autofocus', html)
    assert 'href="#id_comment"' in html
    assert step(item) == "司法局审核"


def test_a_review_comment_keeps_no_control_characters(client, editor_b, dept_b, reviewer):
    item = submit(make_item(editor_b, dept_b), editor_b)
    client.force_login(reviewer)
    client.post(
        reverse("publishing_review", args=[item.pk]),
        {"action": "reject", "comment": "第一行\v第二行\x00"},
    )
    assert review_summary(item).comment == "第一行\n第二行"
