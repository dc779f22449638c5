"""The public search page."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .selectors import PAGE_SIZE, search_page


@require_GET
def search(request):
    page = search_page(request.GET)
    return render(
        request,
        "search/results.html",
        {"search": page, "page_size": PAGE_SIZE, "search_text": page.text},
    )
