"""Content pages (政策解读, 常见问题, 工作动态, 通知公告) on Wagtail's page tree, served under
/info/ (ADR 019): they render, only live versions are public, the justice bureau approves them
through the workflow and nobody approves their own, and they are listed on the home page, in
the sitemap and the feed, and found by the public search."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from content.enums import ContentKind
from content.models import ContentIndexPage
from content.services import content_page_review, content_page_submit, content_page_update

from .helpers import make_page, paragraph, publish_page

QA = (
    "qa",
    {"question": "什么是证明事项告知承诺制？", "answer": "<p>以书面承诺代替证明。</p>"},
)


@pytest.fixture
def author(reviewer):
    return reviewer


@pytest.fixture
def approver(reviewer2):
    return reviewer2


def test_the_tree_has_one_index_per_kind_served_under_info(client, db):
    assert sorted(ContentIndexPage.objects.values_list("kind", flat=True)) == sorted(ContentKind)
    for index in ContentIndexPage.objects.all():
        assert index.url.startswith("/info/")
        response = client.get(index.url)
        assert response.status_code == 200
        assert f"<h1>{index.title}</h1>" in response.content.decode()


@pytest.mark.parametrize("kind", list(ContentKind))
def test_each_page_type_renders_its_blocks_in_the_public_style(client, author, approver, kind):
    page = make_page(
        author,
        kind=kind,
        title=f"{kind.label}示例",
        summary="摘要文字",
        body=[
            ("heading", "一、适用范围"),
            paragraph("<p>本旗<b>全面推行</b>告知承诺制。</p>"),
            QA,
        ],
    )
    page = publish_page(page, author, approver)
    html = client.get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text() == f"{kind.label}示例"
    assert soup.find("h2", string="一、适用范围")
    assert "<b>全面推行</b>" in html
    assert soup.find("section", class_="faq-entry").h2.get_text() == "什么是证明事项告知承诺制？"
    assert 'class="site-footer' in html  # the public site's layout
    index = page.get_parent().specific
    assert page.title in client.get(index.url).content.decode()


def test_a_draft_is_not_public_anywhere(client, author):
    page = make_page(author, title="尚未审核的通知")
    assert client.get(page.url or f"/info/policy/{page.slug}/").status_code == 404
    assert "尚未审核的通知" not in client.get(reverse("public:home")).content.decode()
    assert "尚未审核的通知" not in client.get(reverse("sitemap")).content.decode()
    assert "尚未审核的通知" not in client.get(reverse("content_feed")).content.decode()
    search = client.get(reverse("search:results") + "?q=尚未审核").content.decode()
    assert "尚未审核的通知" not in search


def test_in_review_is_not_public_and_a_later_draft_leaves_the_live_version(
    client, author, approver
):
    page = publish_page(make_page(author, title="第一版标题"), author, approver)
    content_page_update(user=author, page=page, title="第二版标题（草稿）")
    content_page_submit(user=author, page=page)
    html = client.get(page.url).content.decode()
    assert "第一版标题" in html and "第二版标题" not in html


def test_approval_by_another_reviewer_publishes_the_reviewed_revision(author, approver):
    page = make_page(author)
    content_page_submit(user=author, page=page)
    page.refresh_from_db()
    assert not page.live
    content_page_review(user=approver, page=page, action="approve")
    page.refresh_from_db()
    assert page.live
    assert page.live_revision.user == author


def test_nobody_approves_their_own_page(author):
    page = make_page(author)
    content_page_submit(user=author, page=page)
    page.refresh_from_db()
    with pytest.raises(PermissionDenied):
        content_page_review(user=author, page=page, action="approve")
    page.refresh_from_db()
    assert not page.live


@pytest.mark.parametrize("role", ["editor_a", "leader_a", "supervisor", "administrator"])
def test_only_the_justice_bureau_approves(request, author, role):
    page = make_page(author)
    content_page_submit(user=author, page=page)
    page.refresh_from_db()
    with pytest.raises(PermissionDenied):
        content_page_review(user=request.getfixturevalue(role), page=page, action="approve")
    page.refresh_from_db()
    assert not page.live


def test_sent_back_page_goes_to_review_again_after_a_correction(author, approver):
    page = make_page(author)
    content_page_submit(user=author, page=page)
    page.refresh_from_db()
    content_page_review(user=approver, page=page, action="reject", comment="请补充办理流程。")
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"
    content_page_update(user=author, page=page, summary="已补充办理流程")
    content_page_submit(user=author, page=page)
    page.refresh_from_db()
    content_page_review(user=approver, page=page, action="approve")
    page.refresh_from_db()
    assert page.live and page.specific.summary == "已补充办理流程"


def test_listed_on_home_sitemap_and_feed(client, author, approver):
    page = publish_page(
        make_page(author, title="关于推行告知承诺制的通知", kind=ContentKind.NOTICE),
        author,
        approver,
    )
    home = BeautifulSoup(client.get(reverse("public:home")).content, "html.parser")
    section = home.find("section", attrs={"aria-labelledby": "content-heading"})
    assert section.find("a", string="关于推行告知承诺制的通知")["href"] == page.url
    sitemap = client.get(reverse("sitemap")).content.decode()
    assert f"http://testserver{page.url}" in sitemap
    feed = client.get(reverse("content_feed")).content.decode()
    assert "[通知公告] 关于推行告知承诺制的通知" in feed
    assert f"http://testserver{page.url}" in feed


def test_home_lists_only_the_latest_pages(client, author, approver):
    for n in range(7):
        publish_page(
            make_page(author, title=f"工作动态第{n}期", kind=ContentKind.NEWS), author, approver
        )
    home = client.get(reverse("public:home")).content.decode()
    assert "工作动态第6期" in home and "工作动态第2期" in home
    assert "工作动态第1期" not in home and "工作动态第0期" not in home


def test_search_finds_a_page_by_a_chinese_word_in_its_body_as_a_separate_group(
    client, author, approver
):
    publish_page(
        make_page(
            author,
            title="常见问题解答",
            kind=ContentKind.FAQ,
            body=[("qa", {"question": "承诺不实怎么办？", "answer": "<p>将被记入信用记录。</p>"})],
        ),
        author,
        approver,
    )
    html = client.get(reverse("search:results") + "?q=信用记录").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    group = soup.find("section", class_="result-group")
    assert group is not None
    assert group.find("a", string="常见问题解答")


def test_markup_in_the_body_is_escaped_or_stripped(client, author, approver):
    page = make_page(
        author,
        title="<script>alert(1)</script>标题",
        summary='<img src=x onerror="alert(2)">',
        body=[
            ("heading", "<script>alert(3)</script>"),
            paragraph('<p>正文<script>alert(4)</script><a href="javascript:alert(5)">链接</a></p>'),
            (
                "qa",
                {
                    "question": "<b onclick=alert(6)>问</b>",
                    "answer": "<p onclick='alert(7)'>答</p>",
                },
            ),
        ],
    )
    page = publish_page(page, author, approver)
    html = client.get(page.url).content.decode()
    main = BeautifulSoup(html, "html.parser").main
    assert main.find("script") is None
    for tag in main.find_all(True):
        assert not [name for name in tag.attrs if name.startswith("on")], tag
        assert not tag.get("href", "").startswith("javascript:"), tag
        assert not tag.get("src", "").startswith("x"), tag
    text = main.get_text()
    assert "<script>alert(1)</script>标题" in text  # the title shown as typed, as text
    assert "<script>alert(3)</script>" in text
