"""End to end in a real browser: an editor submits, the reviewer approves, the public sees it.

Run with ``pytest tests/browser``; screenshots of every step go to artifacts/browser/NN-step.png.
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
VIEWPORT = {"width": 1280, "height": 900}
APPROVE_LABEL = re.compile(r"^\s*审核通过\s*$")  # not "审核通过并填写意见", which opens a modal


def _new_page(browser):
    page = browser.new_context(locale="zh-CN", viewport=VIEWPORT).new_page()
    page.set_default_timeout(TIMEOUT_MS)
    return page


def _log_in(browser, base_url, username):
    page = _new_page(browser)
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    expect(page).to_have_url(f"{base_url}/admin/")
    return page


def _field(scope, label, **kwargs):
    """The form control labelled ``label`` (Wagtail's panels are labelled by it too)."""
    return scope.get_by_label(label, **kwargs).and_(scope.locator("input, select, textarea"))


def _open_action_menu(page):
    """The footer action menu: the default button, then the rest in a drop-up."""
    footer = page.locator("footer")
    footer.locator(".w-dropdown__toggle").click()
    return footer


def _catalog_names(page):
    return page.locator("table.catalog-table td[data-label='证明名称'] a").all_inner_texts()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_item_submitted_by_editor_and_approved_by_reviewer_is_public(
    live_server, chromium, screenshot
):
    base = live_server.url
    department = make_department("浏览器测试司法局")
    make_user("browser_editor", role=Role.EDITOR, departments=[department])
    make_user("browser_reviewer", role=Role.REVIEWER)

    # --- before: the public catalog does not list the item ---------------------------------
    anon = _new_page(chromium)
    anon.goto(f"{base}/catalog/")
    expect(anon.locator("h1")).to_have_text("实行告知承诺制的证明事项目录")
    expect(anon.get_by_text(ITEM_NAME)).to_have_count(0)
    screenshot(anon, "public-catalog-before")

    # --- the editor fills in the item and submits it for review ----------------------------
    editor = _log_in(chromium, base, "browser_editor")
    editor.goto(f"{base}/admin/snippets/catalog/certificateitem/add/")

    editor.get_by_role("tab", name="目录信息（附件4）").click()
    _field(editor, "实施机关").select_option(label=department.name)
    _field(editor, "证明名称").fill(ITEM_NAME)
    _field(editor, "证明用途").fill("律师事务所申请设立分所")
    editor.locator("#id_legal_bases-ADD").click()  # InlinePanel "设定依据": 增加 设定依据
    basis = editor.locator("#id_legal_bases-FORMS > *").first
    _field(basis, "依据名称").fill("《中华人民共和国律师法》")
    _field(basis, "条款").fill("第十九条")
    _field(basis, "条文内容").fill(
        "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。"
    )
    _field(basis, "效力层级").select_option(label="法律")
    _field(editor, "索要单位").fill("旗司法局")
    _field(editor, "开具单位").fill("申请人所在律师事务所")
    _field(editor, "县级", exact=True).check()
    _field(editor, "事项类型").select_option(label="行政许可")
    screenshot(editor, "editor-catalog-tab")

    editor.get_by_role("tab", name="告知内容（附件3）").click()
    _field(editor, "证明的内容（许可条件和材料要求）").fill(
        "申请人在本旗连续执业满三年，未受过行政处罚。"
    )
    _field(editor, "不实承诺的责任").fill("终止办理；撤销行政决定；纳入信用记录。")
    _field(editor, "核查方式").select_option(label="在线核查")
    _field(editor, "核查时限（工作日）").fill("5")
    screenshot(editor, "editor-notification-tab")

    expect(editor.locator("footer button.action-save")).to_contain_text("保存草稿")  # default
    footer = _open_action_menu(editor)
    submit_button = footer.locator("button[name=action-submit]")
    expect(submit_button).to_be_visible()
    screenshot(editor, "editor-action-menu")
    with editor.expect_navigation():
        submit_button.click()
    expect(editor.locator(".messages")).to_contain_text(ITEM_NAME)
    screenshot(editor, "editor-submitted")

    item = CertificateItem.objects.get(name=ITEM_NAME)
    assert not item.live
    assert item.department == department
    assert item.current_workflow_task.name == "司法局审核"  # no leader: step 1 skipped
    assert [b.article for b in item.legal_bases.all()] == ["第十九条"]

    anon.goto(f"{base}/catalog/")
    assert ITEM_NAME not in _catalog_names(anon)
    assert anon.goto(f"{base}/catalog/item/{item.pk}/").status == 404

    # --- the reviewer opens the item, goes to the review screen and approves ----------------
    reviewer = _log_in(chromium, base, "browser_reviewer")
    awaiting = reviewer.locator("section[aria-labelledby=panel-awaiting-review]")
    expect(awaiting.get_by_role("link", name=ITEM_NAME)).to_be_visible()
    screenshot(reviewer, "reviewer-dashboard")

    reviewer.goto(f"{base}/admin/snippets/catalog/certificateitem/edit/{item.pk}/")
    expect(_field(reviewer, "证明名称")).to_have_value(ITEM_NAME)
    # the editor offers no approve button: decisions are taken on the review screen
    expect(reviewer.locator("button[data-workflow-action-name=approve]")).to_have_count(0)
    review_link = reviewer.get_by_role("link", name="审核（对照已发布版本）")
    expect(review_link).to_be_visible()
    screenshot(reviewer, "reviewer-editor-action-menu")
    with reviewer.expect_navigation():
        review_link.click()
    expect(reviewer.locator("table.review-table")).to_contain_text(ITEM_NAME)
    screenshot(reviewer, "reviewer-review-screen")
    with reviewer.expect_navigation():
        reviewer.get_by_role("button", name="审核通过并发布").click()
    expect(reviewer.locator(".messages")).to_contain_text("审核通过，已发布到公开目录")
    screenshot(reviewer, "reviewer-approved")

    item.refresh_from_db()
    assert item.live
    assert item.current_workflow_state is None

    # --- the public sees the item in the catalog and on its own page -----------------------
    anon.goto(f"{base}/catalog/")
    row = anon.locator("table.catalog-table tbody tr").filter(has_text=ITEM_NAME)
    expect(row).to_have_count(1)
    expect(row.locator("td[data-label='设定依据']")).to_contain_text(
        "《中华人民共和国律师法》第十九条"
    )
    expect(row.locator("td[data-label='县级']")).to_have_text("✓")
    screenshot(anon, "public-catalog-after")

    with anon.expect_navigation():
        row.get_by_role("link", name=ITEM_NAME).click()
    expect(anon).to_have_url(f"{base}/catalog/item/{item.pk}/")
    expect(anon.locator("h1")).to_have_text(ITEM_NAME)
    expect(anon.locator("section[aria-labelledby=basis]")).to_contain_text("第十九条")
    expect(anon.locator("main")).to_contain_text("申请人在本旗连续执业满三年")
    screenshot(anon, "public-item-page")
