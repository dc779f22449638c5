import pytest
from django.conf import settings
from permissions.enums import Role
from tests.factories import make_department, make_user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_debug(live_server, chromium, screenshot):
    base = live_server.url
    d = make_department("浏览器测试司法局")
    make_user("e", role=Role.EDITOR, departments=[d])
    ctx = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "e")
    page.fill("#id_password", settings.DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/snippets/catalog/certificateitem/add/")
    page.get_by_role("tab", name="目录信息（附件4）").click()
    print(page.url)
    print(
        page.evaluate(
            "Array.from(document.querySelectorAll('#id_department, [name=department]')).map(e => e.outerHTML + ' PARENT ' + e.parentElement.outerHTML.slice(0, 3000))"
        )
    )
    screenshot(page, "debug")
