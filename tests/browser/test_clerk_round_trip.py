"""The clerk's send-back round trip in a real browser, as issue "What clerks, reviewers and
citizens trip over today" describes it.

A clerk's submission with a validation error is corrected and submitted again while Wagtail's
autosave works in the background (no conflict with their own autosave, never a red "未能保存"
banner next to a "saved" indicator); the reviewer's send-back without a comment is explained at
the top with the focus there; the clerk sees who sent the item back and why at the top of the
edit page and resubmits; the leader and then the reviewer approve once each.

Screenshots: artifacts/browser/NN-roundtrip-*.png.
"""

import pytest
from playwright.sync_api import expect

from catalog.models import CertificateItem
from permissions.enums import Role
from tests.factories import make_department, make_item, make_user

from .test_editor_to_public import _field, _log_in, _open_action_menu

COMMENT = "请写明执业年限的计算方法，并补充第十九条的条文内容。"


def _edit_url(base, item):
    return f"{base}/admin/snippets/catalog/certificateitem/edit/{item.pk}/"


def _submit(page):
    footer = _open_action_menu(page)
    with page.expect_navigation():
        footer.locator("button[name=action-submit]").click()


def _review(page, base, item, *, comment="", action):
    page.goto(f"{base}/admin/review/{item.pk}/")
    if comment:
        page.get_by_label("审核意见").fill(comment)
    with page.expect_navigation():
        page.locator(f"button[name=action][value={action}]").click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_clerk_corrects_resubmits_and_the_item_goes_leader_then_reviewer(
    live_server, chromium, screenshot
):
    base = live_server.url
    department = make_department("浏览器测试公安局")
    clerk = make_user("rt_clerk", role=Role.EDITOR, departments=[department])
    make_user("rt_leader", role=Role.LEADER, departments=[department])
    make_user("rt_reviewer", role=Role.REVIEWER)
    item = make_item(clerk, department, name="浏览器测试居住证明")

    # --- the clerk submits with a catch-all phrase; autosave runs; they correct and submit ---
    page = _log_in(chromium, base, "rt_clerk")
    page.goto(_edit_url(base, item))
    page.get_by_role("tab", name="告知内容（附件3）").click()
    _field(page, "证明的内容（许可条件和材料要求）").fill("居住满半年的证明及其他材料。")
    _submit(page)
    banner = page.locator(".messages li.error")
    expect(banner).to_be_visible()
    saved = page.locator(".w-autosave-indicator__state--saved")
    screenshot(page, "roundtrip-validation-error")

    # The page comes back with unsaved changes; autosave stores them as a draft.
    expect(saved).to_be_visible(timeout=15_000)
    expect(banner).to_have_count(0)
    expect(page.locator(".messages li.warning")).to_contain_text("已自动保存为草稿")
    screenshot(page, "roundtrip-autosaved-after-error")

    page.get_by_role("tab", name="告知内容（附件3）").click()
    _field(page, "证明的内容（许可条件和材料要求）").fill("在本旗连续居住满六个月。")
    _submit(page)
    expect(page.locator(".messages")).not_to_contain_text("在您编辑期间")
    expect(page.locator(".messages")).to_contain_text("已提交审核")
    item.refresh_from_db()
    assert item.current_workflow_task.name == "分管领导审批"

    # --- leader approves; the reviewer sends back, first forgetting the comment -------------
    leader = _log_in(chromium, base, "rt_leader")
    _review(leader, base, item, action="approve")
    expect(leader.locator(".messages")).to_contain_text("已转交“司法局审核”环节")

    reviewer = _log_in(chromium, base, "rt_reviewer")
    _review(reviewer, base, item, action="reject")
    summary = reviewer.locator("#review-errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    screenshot(reviewer, "roundtrip-send-back-without-comment")
    _review(reviewer, base, item, comment=COMMENT, action="reject")
    expect(reviewer.locator(".messages")).to_contain_text("退回修改")

    # --- the clerk sees who sent it back and why, at the top, and resubmits -----------------
    page.goto(_edit_url(base, item))
    notice = page.locator("section.review-notice")
    expect(notice).to_be_in_viewport()
    expect(notice).to_contain_text("已退回修改")
    expect(notice).to_contain_text("rt_reviewer")
    expect(notice).to_contain_text(COMMENT)
    screenshot(page, "roundtrip-clerk-sees-send-back")
    page.locator("[data-side-panel-toggle=status]").click()
    expect(page.locator("[data-side-panel=status]")).to_contain_text("已退回修改")
    screenshot(page, "roundtrip-status-panel")
    page.keyboard.press("Escape")

    page.get_by_role("tab", name="告知内容（附件3）").click()
    _field(page, "核查标准与说明").fill("执业年限按律师执业证书载明的首次执业日期计算。")
    footer = _open_action_menu(page)
    expect(footer.locator("button[name=action-submit]")).to_have_text("修改后重新提交审核")
    with page.expect_navigation():
        footer.locator("button[name=action-submit]").click()
    item = CertificateItem.objects.get(pk=item.pk)
    assert item.current_workflow_task.name == "分管领导审批"

    _review(leader, base, item, action="approve")
    _review(reviewer, base, item, action="approve")
    expect(reviewer.locator(".messages")).to_contain_text("已发布到公开目录")
    item.refresh_from_db()
    assert item.live and item.current_workflow_state is None
