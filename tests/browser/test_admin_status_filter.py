"""The listing's status filter in a real browser: its counts follow the department filter and
the search, which Wagtail applies in place without reloading the page."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from permissions.enums import Role
from tests.factories import make_department, make_item, make_user, publish

TIMEOUT_MS = 15_000


def _status_label(page, value):
    radio = page.locator(f'input[name="status"][value="{value}"]')
    return page.locator("#filters-drilldown label").filter(has=radio)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_status_counts_follow_the_department_filter_and_the_search(
    live_server, chromium, screenshot
):
    base = live_server.url
    a = make_department("浏览器甲局")
    b = make_department("浏览器乙局")
    editor_a = make_user("browser_editor_a", role=Role.EDITOR, departments=[a])
    editor_b = make_user("browser_editor_b", role=Role.EDITOR, departments=[b])
    reviewer = make_user("browser_reviewer", role=Role.REVIEWER)
    make_user("browser_supervisor", role=Role.SUPERVISOR)
    make_item(editor_a, a, name="甲局草稿证明")
    publish(make_item(editor_a, a, name="甲局已发布证明"), editor_a, reviewer)
    make_item(editor_b, b, name="乙局草稿证明一")
    make_item(editor_b, b, name="乙局草稿证明二")

    page = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "browser_supervisor")
    page.fill("#id_password", settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").click()
    page.goto(f"{base}/admin/snippets/catalog/certificateitem/")

    page.get_by_role("button", name=re.compile("筛选|filter", re.I)).first.click()
    page.locator("#filters-drilldown").get_by_role("button", name="状态").click()
    expect(_status_label(page, "draft")).to_have_text(re.compile(r"草稿（3）"))
    expect(_status_label(page, "published")).to_have_text(re.compile(r"已发布（1）"))
    expect(_status_label(page, "")).to_have_text(re.compile(r"全部（4）"))
    screenshot(page, "status-filter-all-departments")

    # 实施机关 = 乙局, applied in place: the status counts are those of 乙局
    page.locator("#filters-drilldown").get_by_role("button", name="返回").first.click()
    page.locator("#filters-drilldown").get_by_role("button", name="实施机关").click()
    page.locator('#filters-drilldown select[name="department"]').select_option(label=b.name)
    expect(page.locator("#listing-results")).not_to_contain_text("甲局草稿证明")
    page.locator("#filters-drilldown").get_by_role("button", name="返回").last.click()
    page.locator("#filters-drilldown").get_by_role("button", name="状态").click()
    expect(_status_label(page, "draft")).to_have_text(re.compile(r"草稿（2）"))
    expect(_status_label(page, "published")).to_have_text(re.compile(r"已发布（0）"))
    expect(_status_label(page, "")).to_have_text(re.compile(r"全部（2）"))
    screenshot(page, "status-filter-one-department")

    # and a search, also in place
    page.keyboard.press("Escape")
    page.locator("#id_q").fill("草稿证明一")  # the listing's search, not the sidebar's
    expect(page.locator("#listing-results")).not_to_contain_text("乙局草稿证明二")
    page.get_by_role("button", name=re.compile("筛选|filter", re.I)).first.click()
    expect(page.locator("#filters-drilldown")).to_be_visible()
    expect(_status_label(page, "draft")).to_have_text(re.compile(r"草稿（1）"))
