"""Every error the public (or a member of staff) can meet is a Chinese page with the site's
header, a search box and links on; the 500 page needs no database. settings.test has
DEBUG = False, so these are the production pages."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from ..factories import make_item, publish

WAYS_ON = ["/", "/catalog/", "/guides/", "/departments/"]


def assert_chinese_error_page(response, status, heading):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "zh-Hans"
    assert soup.h1.get_text(strip=True) == heading
    assert soup.select_one("header nav[aria-label=主导航]") is not None
    search = soup.select_one("form[role=search]")
    assert search is not None and search["action"] == reverse("search:results")
    assert search.select_one("input[name=q]") is not None
    links = {a["href"] for a in soup.select("main a[href]")}
    assert set(WAYS_ON) <= links, links
    for english in ("Not Found", "Server Error", "Bad Request", "Forbidden", "CSRF"):
        assert english not in soup.get_text(), english
    return soup


@pytest.mark.django_db
def test_unknown_item_is_a_chinese_404_that_says_what_is_missing(client):
    response = client.get(reverse("public:item", args=[987654]))
    soup = assert_chinese_error_page(response, 404, "没有找到这个页面")
    assert "该证明事项不存在或未发布" in soup.main.get_text()


@pytest.mark.django_db
def test_unknown_path_is_the_chinese_404(client):
    assert_chinese_error_page(client.get("/no/such/page/"), 404, "没有找到这个页面")


@pytest.mark.django_db
def test_django_english_not_found_messages_are_not_shown(client):
    response = client.get(reverse("public:department", args=[987654]))
    soup = assert_chinese_error_page(response, 404, "没有找到这个页面")
    assert "matches the given query" not in soup.get_text()


@pytest.mark.django_db
def test_admin_not_found_is_wagtails_chinese_admin_page(client, reviewer):
    """Inside /admin/ Wagtail answers 404 itself (wagtailadmin/404.html, in the admin's look);
    it must stay Chinese, never Django's bare page."""
    client.force_login(reviewer)
    response = client.get("/admin/snippets/catalog/certificateitem/edit/987654/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert "没有找到页面" in soup.title.get_text()
    assert "Not Found" not in soup.get_text()


def test_server_error_page_renders_while_the_database_is_unreachable():
    """No ``db`` fixture: every query raises, as with the database down. The home page fails
    on its first query, and the 500 page must not need one."""
    client = Client(raise_request_exception=False)
    response = client.get(reverse("public:home"))
    soup = assert_chinese_error_page(response, 500, "网站暂时出错")
    assert "请稍后再试" in soup.main.get_text()


@pytest.mark.django_db
def test_disallowed_host_gets_the_chinese_400(client, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = client.get(reverse("public:catalog"), HTTP_HOST="attacker.example")
    assert_chinese_error_page(response, 400, "无法处理这个请求")


@pytest.mark.django_db
def test_permission_denied_in_the_admin_is_the_chinese_403_with_its_reason(
    client, editor_a, dept_a, editor_b, reviewer
):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    client.force_login(editor_b)
    response = client.get(
        f"/admin/snippets/catalog/certificateitem/edit/{item.pk}/",
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    soup = assert_chinese_error_page(response, 403, "没有权限访问这个页面")
    assert "您没有权限访问该证明事项" in soup.main.get_text()


@pytest.mark.django_db
def test_form_sent_without_csrf_token_gets_the_chinese_page(reviewer):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "reviewer", "password": "x"})
    soup = assert_chinese_error_page(response, 403, "页面已过期，请刷新后重新提交")
    assert "刷新页面" in soup.main.get_text()
