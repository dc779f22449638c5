"""Reads for the public search page: published items only, whatever the backend returns."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote_plus, urlencode

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from catalog.enums import ExerciseLevel
from catalog.models import EXERCISE_LEVEL_FIELDS, CertificateItem, Department, LegalBasis
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .analysis import MAX_QUERY_LENGTH, ParsedQuery, parse_query, synonym_map
from .backends import (
    FACETS,
    SearchBackendError,
    SearchFilters,
    SearchResults,
    get_database_backend,
    get_search_backend,
)
from .highlight import has_exact_hit, highlight, matches, snippet
from .ranking import plan, relaxed_query

logger = logging.getLogger(__name__)

SYNONYM_CACHE_KEY = "catalog_search:synonyms"
PAGE_SIZE = 20
MAX_PAGE = 500
FACET_LABELS = {
    "department": "实施机关",
    "matter_type": "事项类型",
    "level": "行使层级",
    "focus_area": "重点领域",
}
LEVEL_CHOICES = ExerciseLevel.choices
# The facets whose values are terms (ADR 023): read as the terms are now, retired ones included
# (published items may still hold them).
VOCABULARY_FACETS = {"matter_type": Vocabulary.MATTER_TYPE, "focus_area": Vocabulary.FOCUS_AREA}


def _choices(key: str) -> list[tuple[str, str]]:
    if key == "level":
        return LEVEL_CHOICES
    return reader.choices(VOCABULARY_FACETS[key], include_retired=True)


# Where the parts of an item's body are shown, in the order a snippet is looked for.
BODY_LABELS = {
    "conditions": "证明的内容",
    "legal_bases": "设定依据",
    "requesting_unit": "索要单位",
    "issuing_unit": "开具单位",
    "department_name": "实施机关",
    "remarks": "备注",
}


def synonyms() -> dict[str, tuple[str, ...]]:
    """{term: synonyms} in both directions, as the administrators keep them (cached)."""
    mapping = cache.get(SYNONYM_CACHE_KEY)
    if mapping is None:
        from .models import Synonym

        mapping = synonym_map(Synonym.objects.values_list("term", "synonym", "one_way"))
        cache.set(SYNONYM_CACHE_KEY, mapping, 3600)
    return mapping


@dataclass
class ResultRow:
    item_id: int
    score: int
    name_html: str
    purpose_html: str
    url: str = ""
    meta: str = ""  # department · matter type · exercise levels
    snippet: tuple[str, str] | None = None


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class Facet:
    key: str
    label: str
    options: list[FacetOption]
    clear_url: str | None  # set when a value is selected

    @property
    def selected(self) -> FacetOption | None:
        return next((o for o in self.options if o.selected), None)

    @property
    def options_html(self) -> SafeString:
        """The options as ``<li>`` elements, every value escaped. Built here rather than in a
        template loop: a page has several dozen options, and the loop was most of the page's
        rendering time."""
        if not self.options:
            return mark_safe('<li class="muted">无</li>')
        items = []
        for option in self.options:
            label = escape(str(option.label))
            if option.selected:
                items.append(
                    f'<li><strong aria-current="true">{label}<span class="count">{option.count:d}'
                    f'</span></strong> <a class="clear" href="{escape(self.clear_url)}" '
                    f'aria-label="取消“{label}”">取消</a></li>'
                )
            else:
                items.append(
                    f'<li><a href="{escape(option.url)}">{label}<span class="count">'
                    f"{option.count:d}</span></a></li>"
                )
        return mark_safe("".join(items))  # noqa: S308 (every value above is escaped)


@dataclass
class WithdrawnNotice:
    name: str
    purpose: str
    department_name: str
    revision_label: str
    revision_url: str


@dataclass
class SearchPage:
    text: str = ""
    query: ParsedQuery | None = None
    truncated: bool = False
    filters: SearchFilters = field(default_factory=SearchFilters)
    results: SearchResults | None = None
    rows: list[ResultRow] = field(default_factory=list)
    page: int = 1
    num_pages: int = 0
    facets: list[Facet] = field(default_factory=list)
    withdrawn: list[WithdrawnNotice] = field(default_factory=list)
    contact: Department | None = None

    @property
    def searched(self) -> bool:
        return bool(self.query)

    @property
    def total(self) -> int:
        return self.results.total if self.results else 0

    @property
    def start_index(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def answered(self) -> ParsedQuery | None:
        """The query the results answer: the whole query, or the units relaxation kept."""
        if self.results is not None and self.results.relaxed is not None:
            return relaxed_query(self.query, self.results.relaxed)
        return self.query

    @property
    def only_scattered(self) -> bool:
        """There are results, but none contains a term exactly (a single character has no
        exact form: it is never "only scattered")."""
        if not (self.results and self.results.total) or self.results.exact_total:
            return False
        return any(term.phrases for term in plan(self.answered))

    @property
    def relaxed_words(self) -> list[str]:
        """The words the relaxed results contain (empty: the results answer the whole query)."""
        if not (self.results and self.results.relaxed is not None):
            return []
        return [term.text for term in self.answered.required]

    @property
    def left_out_words(self) -> list[str]:
        """The words of the query that the relaxed results leave out."""
        if not self.relaxed_words:
            return []
        used = set(self.results.relaxed)
        return [unit.text for i, unit in enumerate(self.query.units) if i not in used]

    @property
    def understood(self) -> bool:
        """The query was read as a question or task: words were dropped or made optional."""
        return bool(self.query and (self.query.ignored or self.query.optional))

    @property
    def searched_words(self) -> list[str]:
        return [term.text for term in self.query.required] if self.query else []

    @property
    def skipped_words(self) -> list[str]:
        """Question and task words that did not narrow the search, in the order typed."""
        if not self.query:
            return []
        words = [*self.query.ignored, *(t.text for t in self.query.optional)]
        return list(dict.fromkeys(words))

    @property
    def looked_for(self) -> list[tuple[str, list[str]]]:
        """(word, other words searched for it) of every term, and every meaningful part of a
        term that relaxation looked for on its own, when nothing was found."""
        terms = dict.fromkeys(self.query.required)
        terms.update(dict.fromkeys(u for u in self.query.units if u.meaningful))
        return [
            (term.text, [a.text for a in term.alternatives[1:] if a.kind == "han"][:6])
            for term in terms
        ]

    def page_url(self, number: int) -> str:
        return "?" + urlencode(self.params(page=number))

    @property
    def clear_filters_url(self) -> str:
        return "?" + urlencode({"q": self.text})

    @property
    def previous_url(self) -> str | None:
        return self.page_url(self.page - 1) if self.page > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.page_url(self.page + 1) if self.page < self.num_pages else None

    def params(self, **changes) -> dict[str, str]:
        params = {"q": self.text, **self.filters.as_params()}
        for key, value in changes.items():
            if value in (None, ""):
                params.pop(key, None)
            else:
                params[key] = str(value)
        if params.get("page") == "1":
            params.pop("page")
        return params


def _page_number(params) -> int:
    try:
        return min(max(int(params.get("page", 1)), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def run_search(query: ParsedQuery, filters: SearchFilters, page: int) -> SearchResults:
    """The configured backend's answer; the database index answers when it cannot."""
    offset = (page - 1) * PAGE_SIZE
    backend = get_search_backend()
    try:
        return backend.search(query, filters, offset=offset, limit=PAGE_SIZE)
    except SearchBackendError:
        logger.warning("search: %s failed, answering from the database index", backend.name)
        return get_database_backend().search(query, filters, offset=offset, limit=PAGE_SIZE)


ROW_FIELDS = (
    "pk",
    "name",
    "purpose",
    "requesting_unit",
    "issuing_unit",
    "certificate_content",
    "remarks",
    "matter_type",
    "level_provincial",
    "level_city",
    "level_county",
    "level_township",
    "department__name",
)
# (field, label) of the exercise levels, in their order
LEVEL_LABELS = tuple((name, str(level.label)) for level, name in EXERCISE_LEVEL_FIELDS.items())
_URL_MARKER = 2**31 - 1


def _item_urls():
    """pk -> the item page's URL, with one reverse() per page instead of one per row."""
    before, _marker, after = reverse("public:item", args=[_URL_MARKER]).partition(str(_URL_MARKER))
    return lambda pk: f"{before}{pk}{after}"


def _rows(results: SearchResults, query: ParsedQuery) -> list[ResultRow]:
    """The hits as the page shows them, read as plain values (no model instances: a page
    shows twenty of them)."""
    ids = [hit.item_id for hit in results.hits]
    items = {
        values["pk"]: values
        for values in CertificateItem.objects.live()
        .filter(pk__in=ids)
        .order_by()  # the hits' order; the catalog order would make SQLite scan the table
        .values(*ROW_FIELDS)
    }
    rows, needing = [], []
    item_url = _item_urls()
    for hit in results.hits:
        item = items.get(hit.item_id)
        if item is None:  # not live any more (the index is being updated): never shown
            continue
        given = hit.highlights or {}
        levels = "、".join(label for field_name, label in LEVEL_LABELS if item[field_name])
        row = ResultRow(
            item_id=hit.item_id,
            score=hit.score,
            name_html=given.get("name") or highlight(item["name"], query),
            purpose_html=given.get("purpose") or highlight(item["purpose"], query),
            url=item_url(hit.item_id),
            meta=" · ".join(
                filter(
                    None,
                    (
                        item["department__name"],
                        reader.label(Vocabulary.MATTER_TYPE, item["matter_type"]),
                        levels,
                    ),
                )
            ),
        )
        rows.append(row)
        # Where the hit is, for rows whose name and purpose have none.
        if not (has_exact_hit(item["name"], query) or has_exact_hit(item["purpose"], query)):
            needing.append((row, item, given))
    if needing:
        bases: dict[int, list[str]] = {}
        for item_id, *basis in (
            LegalBasis.objects.filter(item_id__in=[row.item_id for row, _i, _g in needing])
            .order_by("item_id", "sort_order", "pk")
            .values_list("item_id", "name", "document_number", "article", "article_text")
        ):
            name, number, article, text = basis
            bases.setdefault(item_id, []).append(
                "".join(filter(None, (name, number, article, "："))) + text
            )
        for row, item, given in needing:
            row.snippet = _snippet(item, query, given, bases.get(row.item_id, []))
    return rows


def _snippet(item, query: ParsedQuery, given: dict, bases: list[str]) -> tuple[str, str] | None:
    for key, label in BODY_LABELS.items():
        if given.get(key) and "<mark>" in given[key]:
            return label, given[key]
    parts = [
        ("证明的内容", item["certificate_content"]),
        *(("设定依据", text) for text in bases),
        ("索要单位", item["requesting_unit"]),
        ("开具单位", item["issuing_unit"]),
        ("实施机关", item["department__name"]),
        ("备注", item["remarks"]),
    ]
    return snippet(parts, query)


def _quoted(value) -> str:
    text = str(value)
    # department ids and choice values need no quoting; anything else is quoted
    return text if text.isascii() and text.replace("_", "").isalnum() else quote_plus(text)


def _facets(page: SearchPage) -> list[Facet]:
    counts = page.results.facets if page.results else {}
    # The options' links: page.params(key=value, page=None), urlencoded. Only the value
    # changes from option to option (several dozen per page): the rest is encoded once per key.
    encoded = [(k, quote_plus(v)) for k, v in page.params(page=None).items()]

    def option_url(key: str):
        keys = [k for k, _v in encoded]
        at = keys.index(key) if key in keys else len(encoded)
        prefix = "?" + "".join(f"{k}={v}&" for k, v in encoded[:at]) + f"{key}="
        suffix = "".join(f"&{k}={v}" for k, v in encoded[at + 1 :])
        return lambda value: f"{prefix}{_quoted(value)}{suffix}"

    facets = []
    for key in FACETS:
        values = counts.get(key, {})
        if key == "department":
            selected = page.filters.department
            # all of them (a few dozen rows, in their order): cheaper than asking for some
            choices = [
                (pk, name)
                for pk, name in Department.objects.values_list("pk", "name")
                if pk in values or pk == selected
            ]
        else:
            selected = page.filters.value(key)
            choices = _choices(key)
        url = option_url(key)
        options = [
            FacetOption(
                value=str(value),
                label=label,
                count=values.get(value, 0),
                selected=value == selected,
                url=url(value),
            )
            for value, label in choices
            if values.get(value, 0) or value == selected
        ]
        clear = "?" + urlencode(page.params(**{key: None, "page": None})) if selected else None
        facets.append(Facet(key=key, label=FACET_LABELS[key], options=options, clear_url=clear))
    return facets


def withdrawn_notices(query: ParsedQuery) -> list[WithdrawnNotice]:
    """Items that were in an earlier catalog revision, were taken out (取消), and are not live
    now, whose name or purpose the query names."""
    from publishing.enums import RevisionChange
    from publishing.models import CatalogRevisionEntry

    entries = (
        CatalogRevisionEntry.objects.filter(change=RevisionChange.WITHDRAWN, item__live=False)
        .select_related("catalog_revision")
        .order_by("-catalog_revision__published_at", "-pk")
    )
    notices, seen = [], set()
    for entry in entries[:500]:
        if entry.item_id in seen:
            continue
        seen.add(entry.item_id)
        if matches(entry.item_name, query) or matches(entry.purpose, query):
            notices.append(
                WithdrawnNotice(
                    name=entry.item_name,
                    purpose=entry.purpose,
                    department_name=entry.department_name,
                    revision_label=entry.catalog_revision.label,
                    revision_url=entry.catalog_revision.get_absolute_url(),
                )
            )
    return notices


def contact_department() -> Department | None:
    name = getattr(settings, "SEARCH_CONTACT_DEPARTMENT", "司法局")
    return Department.objects.filter(name=name).first()


def search_page(params) -> SearchPage:
    raw = params.get("q", "") or ""
    query = parse_query(raw, synonyms())
    page = SearchPage(
        text=query.text,
        query=query,
        truncated=len(" ".join(str(raw).split())) > MAX_QUERY_LENGTH,
        filters=SearchFilters.from_query(params),
        page=_page_number(params),
    )
    if not query:
        return page
    page.results = run_search(query, page.filters, page.page)
    page.num_pages = -(-page.results.total // PAGE_SIZE)
    if page.results.total and page.page > page.num_pages:
        page.page = page.num_pages
        page.results = run_search(query, page.filters, page.page)
    page.rows = _rows(page.results, page.answered)
    page.facets = _facets(page)
    if not page.results.exact_total:
        page.withdrawn = withdrawn_notices(query)
    if not page.results.total:
        page.contact = contact_department()
    return page
