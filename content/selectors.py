"""Reads of published content pages for the public site (live pages only)."""

from django.db.models import Q
from django.utils.timezone import localtime

from search.extra_groups import ResultGroup, ResultRow

from .enums import ContentKind
from .models import ContentIndexPage, ContentPage

HOME_COUNT = 5
FEED_COUNT = 30
SEARCH_COUNT = 10


def live_pages(*, kind=None, parent=None):
    pages = ContentPage.objects.live().public().specific().order_by("-first_published_at", "-pk")
    if parent is not None:
        pages = pages.child_of(parent)
    elif kind is not None:
        index = ContentIndexPage.objects.filter(kind=kind).first()
        pages = pages.child_of(index) if index else pages.none()
    return pages


def latest_pages(count: int = HOME_COUNT):
    return list(live_pages()[:count])


def indexes():
    return list(ContentIndexPage.objects.live().order_by("path"))


def home_sections(count: int = HOME_COUNT) -> list[tuple[ContentIndexPage, list[ContentPage]]]:
    """Each kind's index with its newest pages, for the home page (kinds without pages left
    out)."""
    sections = []
    for index in indexes():
        pages = list(live_pages(parent=index)[:count])
        if pages:
            sections.append((index, pages))
    return sections


def search_pages(text: str):
    words = [w for w in text.split() if w]
    if not words:
        return ContentPage.objects.none()
    pages = live_pages()
    for word in words:
        pages = pages.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(search_text__icontains=word)
        )
    return pages


def search_result_group(text: str) -> ResultGroup | None:
    """The search page's group 政务公开内容 (registered in ``ContentConfig.ready``)."""
    rows = [
        ResultRow(
            title=page.title,
            url=page.url,
            meta=f"{ContentKind(page.kind).label} · {localtime(page.first_published_at):%Y-%m-%d}",
            snippet=page.summary,
        )
        for page in search_pages(text)[:SEARCH_COUNT]
    ]
    return ResultGroup(key="content", heading="政策解读、常见问题和通知公告", rows=rows)
