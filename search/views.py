"""The public search page."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .extra_groups import extra_result_groups
from .selectors import PAGE_SIZE, search_page


@require_GET
def search(request):
    page = search_page(request.GET)
    return render(
        request,
        "search/results.html",
        {
            "search": page,
            "page_size": PAGE_SIZE,
            "search_text": page.text,
            # content pages and other groups, on the first page of results only
            "extra_groups": extra_result_groups(page.text) if page.page == 1 else [],
        },
    )
