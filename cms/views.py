"""The public site: home, catalogs, item pages, catalog revisions. Published content only."""

from pathlib import Path

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control

from catalog.enums import ExerciseLevel
from catalog.guides.selectors import guides_mentioning, guides_of_department
from catalog.letters.selectors import current_letter_wording
from catalog.models import Department
from catalog.selectors import (
    UNITS,
    CatalogFilters,
    departments_by_kind,
    extra_filters,
    focus_area_counts,
    published_bases,
    published_item,
    published_items,
)
from commitments.letters.selectors import disclosed_letters, item_disclosure
from content.selectors import latest_pages
from publishing.selectors import revision_changes, revisions_with_counts
from sitesettings.selectors import site_info
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .feeds import CleanRss201rev2Feed
from .selectors import hand_in_places, withdrawn_item

PAGE_SIZE = 50
FAVICON = Path(__file__).resolve().parent / "static" / "cms" / "favicon.ico"


def item_gone(request, pk):
    """The answer for an item URL whose item is not published: 410 with what became of it
    when it was withdrawn, else 404."""
    withdrawn = withdrawn_item(pk)
    if withdrawn is None:
        raise Http404("该证明事项不存在或未发布")
    return render(request, "errors/410.html", {"withdrawn": withdrawn}, status=410)


def _offered(vocabulary: str, selected: str) -> list[tuple[str, str]]:
    """The active terms, and the selected one if it was retired (an old link still reads)."""
    return [
        (row.code, row.label)
        for row in reader.terms(vocabulary, include_retired=True)
        if row.active or row.code == selected
    ]


def _filter_context(filters: CatalogFilters) -> dict:
    return {
        "filters": filters,
        "matter_types": _offered(Vocabulary.MATTER_TYPE, filters.matter_type),
        "levels": ExerciseLevel.choices,
        "focus_areas": _offered(Vocabulary.FOCUS_AREA, filters.focus_area),
        "units": UNITS.items(),
        "extra_filters": extra_filters(filters),
    }


def _page(request, queryset):
    paginator = Paginator(queryset, PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def home(request):
    latest = revisions_with_counts().first()
    return render(
        request,
        "public/home.html",
        {
            "focus_areas": focus_area_counts(),
            "latest_revision": latest,
            "item_count": published_items().count(),
            "department_groups": departments_by_kind(),
            "latest_content": latest_pages(),  # content pages (issue 17, ADR 019)
        },
    )


def catalog(request):
    filters = CatalogFilters.from_query(request.GET)
    page = _page(request, published_items(filters))
    unit = UNITS.get(filters.unit, "")
    context = {
        "page": page,
        "departments": Department.objects.only("pk", "name"),
        "title": f"{unit}实行告知承诺制的证明事项目录" if unit else "实行告知承诺制的证明事项目录",
        **_filter_context(filters),
    }
    return render(request, "public/catalog.html", context)


def department_catalog(request, pk):
    department = get_object_or_404(Department, pk=pk)
    filters = CatalogFilters.from_query(request.GET)
    filters = CatalogFilters(
        department=department.pk,
        matter_type=filters.matter_type,
        level=filters.level,
        focus_area=filters.focus_area,
        extra=filters.extra,
        definitions=filters.definitions,
    )
    context = {
        "page": _page(request, published_items(filters)),
        "department": department,
        "guides": guides_of_department(department),
        "title": f"{department.name}实行告知承诺制的证明事项目录",
        **_filter_context(filters),
    }
    return render(request, "public/department.html", context)


def department_list(request):
    return render(request, "public/departments.html", {"department_groups": departments_by_kind()})


def item_detail(request, pk):
    item = published_item(pk)
    if item is None:
        return item_gone(request, pk)
    disclosure = item_disclosure(item)
    guides = guides_mentioning(item)
    return render(
        request,
        "public/item_detail.html",
        {
            "item": item,
            "legal_bases": published_bases(item),
            "department": item.department,
            "guides": guides,
            "hand_in": hand_in_places(guides),
            "disclosure": disclosure,
            # the fixed texts of the letter form (附件3) the page repeats, as published
            "wording": current_letter_wording(),
            "disclosed_count": (
                disclosed_letters(item_id=item.pk).count() if disclosure == "public" else 0
            ),
        },
    )


def revision_list(request):
    return render(request, "public/revisions.html", {"revisions": revisions_with_counts()})


def revision_detail(request, pk):
    revision = get_object_or_404(revisions_with_counts(), pk=pk)
    return render(
        request,
        "public/revision_detail.html",
        {"revision": revision, "changes": revision_changes(revision)},
    )


class CatalogFeed(Feed):
    """RSS of the published catalog's newest items (published content only)."""

    feed_type = CleanRss201rev2Feed

    def title(self):
        return f"{site_info().government_short_name}实行告知承诺制的证明事项"

    link = "/catalog/"
    description = "新发布或更新的证明事项"

    def items(self):
        return published_items().order_by("-last_published_at")[:50]

    def item_title(self, item):
        return f"{item.name}（{item.department.name}）"

    def item_description(self, item):
        return f"证明用途：{item.purpose}。本证明可以用告知承诺替代。"

    def item_pubdate(self, item):
        return item.last_published_at


@cache_control(max_age=86400, public=True)
def favicon(request):
    """/favicon.ico, which browsers and chat apps ask for without reading the page's links."""
    return HttpResponse(FAVICON.read_bytes(), content_type="image/x-icon")
