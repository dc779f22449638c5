"""Chinese-aware search for the editors' admin listings (drafts included, scope unchanged).

The admin lists every row the user may see, drafts included, so it cannot use the public index
(published items only). It filters the already-scoped queryset with the same query analysis
as the public search: the query is normalised (width, case, traditional → simplified), split
into terms, expanded by the synonyms, and each term must occur in one of the listed fields as
a substring, or (for several Han characters) with all its characters in one field.
"""

from django.db.models import Q

from .analysis import parse_query
from .selectors import synonyms


def admin_search(queryset, text: str, fields: list[str]):
    query = parse_query(text, synonyms())
    if not query:
        return queryset.none()
    for term in query.terms:
        condition = Q()
        for alternative in term.alternatives:
            if alternative.kind not in ("han", "word"):
                continue
            for field in fields:
                condition |= Q(**{f"{field}__icontains": alternative.text})
                if alternative.kind == "han" and len(alternative.text) > 1:
                    scattered = Q()
                    for char in dict.fromkeys(alternative.text):
                        scattered &= Q(**{f"{field}__contains": char})
                    condition |= scattered
        queryset = queryset.filter(condition)
    return queryset


class ChineseSearchIndexViewMixin:
    """For a Wagtail IndexView with ``search_backend_name = None`` and ``search_fields``."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return admin_search(queryset, self.search_query, list(self.search_fields or []))
