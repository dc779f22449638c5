"""Chinese-aware search for the editors' admin listings (drafts included, scope unchanged).

The admin lists every row the user may see, drafts included, so it cannot use the public index
(published items only). It filters the already-scoped queryset with the same query analysis
as the public search (but as typed: no question reading): the query is normalised (width,
case, traditional → simplified), split into terms, expanded by the synonyms, and each term must
occur in one of the listed fields as a substring, or (for several Han characters) with all its
characters in one field.
"""

from django.db.models import Q

from .analysis import parse_query
from .selectors import synonyms

NOTHING = Q(pk__in=[])


def _alternative_condition(alternative, fields) -> Q:
    condition = NOTHING
    for field in fields:
        condition |= Q(**{f"{field}__icontains": alternative.text})
        if alternative.kind == "han" and len(alternative.text) > 1:
            scattered = Q()
            for char in dict.fromkeys(alternative.text):
                scattered &= Q(**{f"{field}__contains": char})
            condition |= scattered
    return condition


def search_condition(text: str, fields: list[str], guarded: tuple[Q, list[str]] | None = None):
    """The condition that ``text`` matches in ``fields``, or None for an empty query.

    ``guarded`` = (guard, more_fields): the terms may also match in ``more_fields``, but only
    on rows that satisfy ``guard`` (signed letters: personal data are searched only in the
    user's own departments).
    """
    # As typed: editors look for names, not questions (no question reading).
    query = parse_query(text, synonyms(), understand=False)
    if not query:
        return None
    condition = Q()
    for term in query.required:
        term_condition = NOTHING
        for alternative in term.alternatives:
            if alternative.kind not in ("han", "word"):
                continue
            term_condition |= _alternative_condition(alternative, fields)
            if guarded is not None:
                guard, more_fields = guarded
                term_condition |= guard & _alternative_condition(alternative, more_fields)
        condition &= term_condition
    return condition


def admin_search(queryset, text: str, fields: list[str]):
    condition = search_condition(text, fields)
    if condition is None:
        return queryset.none()
    return queryset.filter(condition)


class ChineseSearchIndexViewMixin:
    """For a Wagtail IndexView with ``search_backend_name = None`` and ``search_fields``."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return admin_search(queryset, self.search_query, list(self.search_fields or []))
