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
