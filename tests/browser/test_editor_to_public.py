"""End to end in a real browser: an editor submits an item, the reviewer approves, the public sees it.

Run with ``pytest tests/browser``; screenshots of every step go to artifacts/browser/.
"""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from catalog.models import CertificateItem
from permissions.enums import Role
from tests.factories import make_department, make_user

ITEM_NAME = "浏览器测试专用律师执业年限证明"
TIMEOUT_MS = 15_000


def _log_in(context, base_url, username):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", settings.DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")
    return page


def _catalog_names(page):
    return page.locator("table.catalog-table tbody td[data-label='证明名称'] a").all_inner_texts()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_item_submitted_by_editor_and_approved_by_reviewer_is_public(
    live_server, chromium, screenshot
):
    base = live_server.url
    department = make_department("浏览器测试司法局")
    make_user("browser_editor", role=Role.EDITOR, departments=[department])
    make_user("browser_reviewer", role=Role.REVIEWER)

    # --- before: the public catalog does not list the item -------------------------------
    public = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    anon = public.new_page()
    anon.set_default_timeout(TIMEOUT_MS)
    anon.goto(f"{base}/catalog/")
    expect(anon.locator("h1")).to_have_text("实行告知承诺制的证明事项目录")
    assert ITEM_NAME not in _catalog_names(anon)
    expect(anon.get_by_text(ITEM_NAME)).to_have_count(0)
    screenshot(anon, "public-catalog-before")

    # --- the editor fills in the item and submits it for review ----------------------------
    editor_context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    editor = _log_in(editor_context, base, "browser_editor")
    screenshot(editor, "editor-dashboard")
    editor.goto(f"{base}/admin/snippets/catalog/certificateitem/add/")

    editor.get_by_role("tab", name="目录信息（附件4）").click()
    editor.select_option("#id_department", label=department.name)
    editor.fill("#id_name", ITEM_NAME)
    editor.fill("#id_purpose", "律师事务所申请设立分所")
    editor.locator("#id_legal_bases-ADD").click()
    basis = editor.locator("#id_legal_bases-FORMS > *").first
    basis.get_by_label("依据名称").fill("《中华人民共和国律师法》")
    basis.get_by_label("条款").fill("第十九条")
    basis.get_by_label("条文内容").fill(
        "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。"
    )
    basis.get_by_label("效力层级").select_option(label="法律")
    editor.fill("#id_requesting_unit", "旗司法局")
    editor.fill("#id_issuing_unit", "申请人所在律师事务所")
    editor.check("#id_level_county")
    editor.select_option("#id_matter_type", label="行政许可")
    screenshot(editor, "editor-catalog-tab")

    editor.get_by_role("tab", name="告知内容（附件3）").click()
    editor.fill("#id_certificate_content", "申请人在本旗连续执业满三年，未受过行政处罚。")
    editor.fill("#id_false_commitment_consequences", "终止办理；撤销行政决定；纳入信用记录。")
    editor.select_option("#id_verification_method", label="在线核查")
    editor.fill("#id_verification_time_limit_days", "5")
    screenshot(editor, "editor-notification-tab")

    footer = editor.locator("footer")
    expect(footer.locator("button.action-save")).to_contain_text("保存草稿")  # the default action
    footer.locator(".w-dropdown__toggle").click()
    submit_button = footer.locator("button[name=action-submit]")
    expect(submit_button).to_be_visible()
    screenshot(editor, "editor-action-menu")
    submit_button.click()
    editor.wait_for_load_state()
    expect(editor.locator(".messages .success")).to_contain_text(ITEM_NAME)
    screenshot(editor, "editor-submitted")

    item = CertificateItem.objects.get(name=ITEM_NAME)
    assert not item.live
    assert item.current_workflow_state is not None
    assert item.current_workflow_task.specific.__class__.__name__ == "JusticeBureauReviewTask"
    assert item.legal_bases.count() == 1

    anon.goto(f"{base}/catalog/")
    assert ITEM_NAME not in _catalog_names(anon)
    assert anon.goto(f"{base}/catalog/item/{item.pk}/").status == 404

    # --- the reviewer approves from the item's edit page -----------------------------------
    reviewer_context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    reviewer = _log_in(reviewer_context, base, "browser_reviewer")
    reviewer.goto(f"{base}/admin/snippets/catalog/certificateitem/edit/{item.pk}/")
    expect(reviewer.locator("#id_name")).to_have_value(ITEM_NAME)
    footer = reviewer.locator("footer")
    approve = footer.locator("button[data-workflow-action-name=approve]").filter(
        has_text=re.compile(r"^\s*审核通过\s*$")
    )
    footer.locator(".w-dropdown__toggle").click()
    expect(approve).to_be_visible()
    screenshot(reviewer, "reviewer-action-menu")
    approve.click()
    reviewer.wait_for_load_state()
    screenshot(reviewer, "reviewer-approved")

    item.refresh_from_db()
    from wagtail.models import TaskState, Revision

    for ts in TaskState.objects.order_by("pk"):
        print("TS", ts.pk, ts.task.name, ts.status, ts.revision_id, ts.revision.user, ts.comment)
    for r in Revision.objects.order_by("pk"):
        print("REV", r.pk, r.user, r.created_at)
    assert item.live, "approving the last review step must publish the item"
    assert item.current_workflow_state is None

    # --- the public sees the item in the catalog and on its own page -----------------------
    anon.goto(f"{base}/catalog/")
    row = anon.locator("table.catalog-table tbody tr").filter(has_text=ITEM_NAME)
    expect(row).to_have_count(1)
    expect(row.locator("td[data-label='设定依据']")).to_contain_text("《中华人民共和国律师法》")
    expect(row.locator("td[data-label='县级']")).to_have_text("✓")
    screenshot(anon, "public-catalog-after")

    row.get_by_role("link", name=ITEM_NAME).click()
    anon.wait_for_url(f"{base}/catalog/item/{item.pk}/")
    expect(anon.locator("h1")).to_have_text(ITEM_NAME)
    expect(anon.locator("section[aria-labelledby=basis]")).to_contain_text("第十九条")
    expect(anon.locator("main")).to_contain_text("申请人在本旗连续执业满三年")
    screenshot(anon, "public-item-page")
