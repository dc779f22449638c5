"""Content pages for tests, made through the services the admin's page editor mirrors."""

from content.enums import ContentKind
from content.services import (
    content_page_create,
    content_page_review,
    content_page_submit,
)


def paragraph(html: str) -> tuple:
    return ("paragraph", html)


def make_page(author, kind=ContentKind.POLICY, title="告知承诺制政策解读", body=None, **extra):
    body = (
        body if body is not None else [paragraph("<p>证明事项告知承诺制是指办理行政事项时……</p>")]
    )
    return content_page_create(user=author, kind=kind, title=title, body=body, **extra)


def publish_page(page, author, approver):
    content_page_submit(user=author, page=page)
    page.refresh_from_db()
    content_page_review(user=approver, page=page, action="approve")
    page.refresh_from_db()
    return page.specific


def content_page_urls() -> dict[str, str]:
    """The content pages' public URLs (ADR 019): the overview, an index, and a page of each
    kind with every block but image and document (which need uploads), published by two demo
    reviewers."""
    from django.urls import reverse

    from content.models import ContentIndexPage
    from permissions.enums import Role

    from ..factories import make_user

    author = make_user("content_author", role=Role.REVIEWER)
    approver = make_user("content_approver", role=Role.REVIEWER)
    urls = {
        "content overview": reverse("content_overview"),
        "content index": ContentIndexPage.objects.get(kind=ContentKind.FAQ).url,
    }
    bodies = {
        ContentKind.POLICY: [
            ("heading", "一、什么是告知承诺制"),
            paragraph("<p>以<b>书面承诺</b>代替证明。</p><ul><li>第一项</li></ul>"),
        ],
        ContentKind.FAQ: [
            ("qa", {"question": "可以不承诺吗？", "answer": "<p>可以，按原方式提交证明。</p>"})
        ],
        ContentKind.NEWS: [paragraph("<p>全旗完成目录梳理。</p>")],
        ContentKind.NOTICE: [
            paragraph('<p>详见<a href="https://www.gov.cn/">中国政府网</a>。</p>')
        ],
    }
    for kind, body in bodies.items():
        page = make_page(
            author, kind=kind, title=f"{kind.label}示例页面", summary="摘要", body=body
        )
        urls[f"content {kind.value}"] = publish_page(page, author, approver).url
    return urls
