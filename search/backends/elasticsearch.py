"""Elasticsearch, for scale: switched on by ``ELASTICSEARCH_URL``.

The index holds the same pre-tokenised token columns as the database backend, analysed by a
``whitespace`` analyzer: Elasticsearch then sees exactly the tokens of ``search.analysis``
(normalisation, traditional → simplified, bigrams, single characters, pinyin), with stock
Elasticsearch and no plugins. The published texts are indexed too, with ``standard`` +
``cjk_width`` + ``lowercase`` (one token per Han character), for the highlighter only.

Matching and ranking follow ``search.ranking``: each required term is a ``bool`` of phrase
and all-characters clauses, each ranking signal a ``constant_score`` clause with its weight (the
"together" signals: pairs of neighbouring terms' joined phrases, all of them or at least one),
so ``_score`` is exactly the database backend's score; ties are sorted by name length, then
item id. Facets are ``filter`` + ``terms`` aggregations (each without its own filter, the filters
themselves a ``post_filter``). A query that finds nothing is relaxed: one ``filters``
aggregation counts every candidate subset of its units (with an exact-hit sub-aggregation),
``search.ranking.best_candidate`` picks one, and that subset is searched.

A rebuild creates a new index, bulk-loads it, and moves the alias in one atomic
``_aliases`` call before dropping the old index: searches never see a half-built index.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import UTC, datetime

from elastic_transport import Urllib3HttpNode
from elasticsearch import Elasticsearch, helpers
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import Document, Index, Integer, Keyword, Q, Search, Text, analyzer

from ..analysis import ParsedQuery
from ..documents import IndexDocument
from ..ranking import (
    GROUPS,
    SIGNAL_WEIGHTS,
    TOGETHER_ALL,
    TOGETHER_GROUPS,
    TOGETHER_SOME,
    PairPlan,
    TermPlan,
    best_candidate,
    pair_plans,
    plan,
    relaxation_candidates,
    relaxed_query,
    term_plan,
)
from .base import FACETS, Hit, SearchBackendError, SearchFilters, SearchResults

logger = logging.getLogger(__name__)

# The Python analysis already produced the tokens: splitting at spaces is all that is left.
PRETOKENIZED = analyzer("pretokenized", tokenizer="whitespace")
# One token per Han character, width-folded and lower-cased: for highlighting the texts.
DISPLAY = analyzer("display_text", tokenizer="standard", filter=["cjk_width", "lowercase"])

DISPLAY_FIELDS = (
    "name",
    "purpose",
    "requesting_unit",
    "issuing_unit",
    "department_name",
    "conditions",
    "remarks",
    "legal_bases",
)
WHOLE_FIELDS = ("name", "purpose", "requesting_unit", "issuing_unit", "department_name")
HIGHLIGHT_START, HIGHLIGHT_END = "\ue000", "\ue001"
FACET_FIELDS = {
    "department": "department_id",
    "matter_type": "matter_type",
    "level": "levels",
    "focus_area": "focus_area",
}


class ItemDocument(Document):
    item_id = Integer()
    department_id = Integer()
    matter_type = Keyword()
    focus_area = Keyword()
    levels = Keyword(multi=True)
    live_revision_id = Integer()
    fingerprint = Keyword(index=False)
    name_tokens = Text(analyzer=PRETOKENIZED, norms=False)
    # The name's token text, and its pinyin streams, as keywords: "the name starts with this
    # phrase" is a prefix of one of them.
    name_token_text = Keyword(ignore_above=8000)
    name_pinyin_text = Keyword(ignore_above=8000)
    name_initials_text = Keyword(ignore_above=8000)
    name_length = Integer()
    purpose_tokens = Text(analyzer=PRETOKENIZED, norms=False)
    body_tokens = Text(analyzer=PRETOKENIZED, norms=False)
    name = Text(analyzer=DISPLAY, norms=False)
    purpose = Text(analyzer=DISPLAY, norms=False)
    requesting_unit = Text(analyzer=DISPLAY, norms=False)
    issuing_unit = Text(analyzer=DISPLAY, norms=False)
    department_name = Text(analyzer=DISPLAY, norms=False)
    conditions = Text(analyzer=DISPLAY, norms=False)
    remarks = Text(analyzer=DISPLAY, norms=False)
    legal_bases = Text(analyzer=DISPLAY, norms=False, multi=True)

    @classmethod
    def source(cls, document: IndexDocument) -> dict:
        return {
            "item_id": document.item_id,
            "department_id": document.department_id,
            "matter_type": document.matter_type,
            "focus_area": document.focus_area,
            "levels": list(document.levels),
            "live_revision_id": document.live_revision_id,
            "fingerprint": document.fingerprint,
            "name_tokens": document.name_tokens,
            "name_token_text": document.name_tokens,
            "name_pinyin_text": document.name_pinyin,
            "name_initials_text": document.name_initials,
            "name_length": document.name_length,
            "purpose_tokens": document.purpose_tokens,
            "body_tokens": document.body_tokens,
            **{
                f: document.display.get(f, "" if f != "legal_bases" else []) for f in DISPLAY_FIELDS
            },
        }


class PlainJsonNode(Urllib3HttpNode):
    """Sends plain ``application/json`` instead of the 8.x client's compatibility media type
    (``application/vnd.elasticsearch+json; compatible-with=8``). Elasticsearch 8 accepts both;
    some compatible servers (the osmem-server emulator used in tests, some proxies) answer 406
    to the vendor type."""

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                value = headers.get(name)
                if value and "vnd.elasticsearch+" in value:
                    headers[name] = value.split(";")[0].replace("vnd.elasticsearch+", "")
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


def make_client(url: str, *, timeout: float = 5.0) -> Elasticsearch:
    return Elasticsearch(url, node_class=PlainJsonNode, request_timeout=timeout, max_retries=1)


def _phrase(field: str, tokens) -> Q:
    return Q("match_phrase", **{field: {"query": " ".join(tokens)}})


def _all(field: str, tokens) -> Q:
    return Q("match", **{field: {"query": " ".join(tokens), "operator": "and"}})


def _any(clauses: list[Q]) -> Q:
    return Q("bool", should=clauses, minimum_should_match=1)


def term_query(term: TermPlan) -> Q:
    clauses = [_phrase(f"{g}_tokens", p) for g in GROUPS for p in term.phrases]
    for group in ("name", "purpose"):
        clauses += [_all(f"{group}_tokens", chars) for chars in term.scattered]
    clauses += [_all(f"{g}_tokens", (c,)) for g in GROUPS for c in term.singles]
    return _any(clauses)


START_FIELDS = {"bi": "name_token_text", "py": "name_pinyin_text", "pyi": "name_initials_text"}


def _starts(stream: str, tokens) -> Q:
    field, text = START_FIELDS[stream], " ".join(tokens)
    return _any([Q("term", **{field: text}), Q("prefix", **{field: text + " "})])


def _scattered_only(field: str, term: TermPlan) -> Q | None:
    """All characters of one of the term's Han alternatives in the field, where the term is
    not in the field exactly (search.ranking)."""
    clauses = [_all(field, chars) for chars in (*term.scattered, *((c,) for c in term.singles))]
    if not clauses:
        return None
    exact = [_phrase(field, p) for p in term.phrases]
    return Q("bool", must=[_any(clauses)], must_not=exact)


def _pair(pair: PairPlan) -> Q:
    return _any([_phrase(f"{g}_tokens", p) for g in TOGETHER_GROUPS for p in pair.phrases])


def signal_clauses(terms: list[TermPlan], pairs: list[PairPlan] = ()) -> dict[str, list[Q]]:
    phrases = [p for t in terms for p in t.phrases]
    together = [_pair(pair) for pair in pairs]
    return {
        TOGETHER_ALL: [Q("bool", filter=together)] if together else [],
        TOGETHER_SOME: together,
        "name_start": [_starts(stream, p) for t in terms for stream, p in t.starts],
        "exact_name": [_phrase("name_tokens", p) for p in phrases],
        "exact_purpose": [_phrase("purpose_tokens", p) for p in phrases],
        "exact_body": [_phrase("body_tokens", p) for p in phrases],
        "scattered_name": [
            q for t in terms if (q := _scattered_only("name_tokens", t)) is not None
        ],
        "scattered_purpose": [
            q for t in terms if (q := _scattered_only("purpose_tokens", t)) is not None
        ],
    }


def filter_clauses(filters: SearchFilters, skip: str = "") -> list[Q]:
    return [
        Q("term", **{FACET_FIELDS[f]: filters.value(f)})
        for f in FACETS
        if f != skip and filters.value(f)
    ]


def highlight_query(query: ParsedQuery) -> Q | None:
    clauses = []
    for alternative in query.alternatives:
        if alternative.kind not in ("han", "word"):
            continue  # pinyin is highlighted by the app (search.highlight)
        for field in DISPLAY_FIELDS:
            clauses.append(Q("match_phrase", **{field: alternative.text}))
            if alternative.kind == "han" and field in ("name", "purpose"):
                clauses.append(Q("match", **{field: alternative.text}))
    return _any(clauses) if clauses else None


def marked_html(fragment: str) -> str:
    """An Elasticsearch fragment with private-use markers → escaped HTML with <mark>."""
    from django.utils.html import escape

    fragment = fragment.replace(HIGHLIGHT_END + HIGHLIGHT_START, "")
    return escape(fragment).replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_END, "</mark>")


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(
        self,
        url: str,
        *,
        alias: str = "catalog-items",
        replicas: int = 1,
        timeout: float = 5.0,
        refresh: bool = False,
        client: Elasticsearch | None = None,
    ):
        self.url = url
        self.alias = alias
        self.replicas = replicas
        self.refresh = refresh
        self.client = client or make_client(url, timeout=timeout)

    # --- index management --------------------------------------------------------------------

    def index_definition(self, name: str) -> Index:
        index = Index(name)
        index.settings(number_of_shards=1, number_of_replicas=self.replicas)
        index.document(ItemDocument)
        return index

    def _new_index_name(self) -> str:
        return f"{self.alias}-{datetime.now(UTC):%Y%m%d%H%M%S%f}"

    def concrete_indexes(self) -> list[str]:
        if not self.client.indices.exists_alias(name=self.alias):
            return []
        return sorted(self.client.indices.get_alias(name=self.alias).body)

    def ensure_index(self) -> None:
        """Create the first index and its alias, if there is none yet."""
        if self.concrete_indexes():
            return
        name = self._new_index_name()
        self.index_definition(name).create(using=self.client)
        self.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": self.alias}}])

    def _bulk(self, actions) -> int:
        ok, errors = helpers.bulk(
            self.client, actions, chunk_size=1000, raise_on_error=False, refresh=self.refresh
        )
        real = [e for e in errors if next(iter(e.values())).get("status") != 404]
        if real:
            raise SearchBackendError(f"Elasticsearch bulk errors: {real[:3]}")
        return ok

    def _index_actions(self, documents: Iterable[IndexDocument], index: str):
        for document in documents:
            yield {
                "_op_type": "index",
                "_index": index,
                "_id": document.item_id,
                "_source": ItemDocument.source(document),
            }

    def upsert(self, documents: Iterable[IndexDocument]) -> None:
        self.ensure_index()
        self._bulk(self._index_actions(documents, self.alias))

    def delete(self, item_ids: Iterable[int]) -> None:
        self.ensure_index()
        self._bulk(
            {"_op_type": "delete", "_index": self.alias, "_id": item_id} for item_id in item_ids
        )

    def rebuild(self, documents: Iterable[IndexDocument]) -> int:
        """Build a new index, then swap the alias to it atomically and drop the old ones."""
        old = self.concrete_indexes()
        name = self._new_index_name()
        self.index_definition(name).create(using=self.client)
        try:
            count = self._bulk(self._index_actions(documents, name))
            self.client.indices.refresh(index=name)
        except Exception:
            self.client.indices.delete(index=name, ignore_unavailable=True)
            raise
        actions = [{"remove": {"index": i, "alias": self.alias}} for i in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index, ignore_unavailable=True)
        return count

    def fingerprints(self) -> dict[int, str]:
        if not self.concrete_indexes():
            return {}
        found = {}
        for hit in helpers.scan(
            self.client,
            index=self.alias,
            query={"query": {"match_all": {}}, "_source": ["item_id", "fingerprint"]},
        ):
            found[hit["_source"]["item_id"]] = hit["_source"]["fingerprint"]
        return found

    def refresh_index(self) -> None:
        self.client.indices.refresh(index=self.alias)

    # --- searching --------------------------------------------------------------------------

    def build_search(
        self, query: ParsedQuery, filters: SearchFilters, offset: int, limit: int
    ) -> Search:
        terms = plan(query)
        signals = signal_clauses(terms, pair_plans(query))
        should = [
            Q("constant_score", filter=_any(clauses), boost=SIGNAL_WEIGHTS[signal])
            for signal, clauses in signals.items()
            if clauses
        ]
        search = Search(using=self.client, index=self.alias).query(
            Q("bool", filter=[term_query(t) for t in terms], should=should)
        )
        active = filter_clauses(filters)
        if active:
            search = search.post_filter(Q("bool", filter=active))
        for facet in FACETS:
            search.aggs.bucket(
                facet, "filter", filter=Q("bool", filter=filter_clauses(filters, skip=facet))
            ).bucket("values", "terms", field=FACET_FIELDS[facet], size=1000)
        exact = _any(
            [c for s in ("exact_name", "exact_purpose", "exact_body") for c in signals[s]]
            or [Q("match_none")]
        )
        search.aggs.bucket("exact", "filter", filter=Q("bool", filter=[*active, exact]))
        highlight = highlight_query(query)
        if highlight is not None:
            search = search.highlight_options(
                pre_tags=[HIGHLIGHT_START],
                post_tags=[HIGHLIGHT_END],
                highlight_query=highlight.to_dict(),
                require_field_match=False,
            )
            for field in DISPLAY_FIELDS:
                if field in WHOLE_FIELDS:
                    search = search.highlight(field, number_of_fragments=0)
                else:
                    search = search.highlight(field, fragment_size=60, number_of_fragments=1)
        search = search.sort(
            {"_score": {"order": "desc"}},
            {"name_length": {"order": "asc", "missing": "_last"}},
            {"item_id": {"order": "asc"}},
        )
        return search.source(["item_id"]).extra(track_total_hits=True)[offset : offset + limit]

    def search(
        self, query: ParsedQuery, filters: SearchFilters, *, offset: int = 0, limit: int = 20
    ) -> SearchResults:
        if not query:
            return SearchResults.empty(self.name)
        response = self._execute(self.build_search(query, filters, offset, limit))
        if response is None:
            return SearchResults.empty(self.name)  # no index yet: nothing is published
        relaxed = None
        if not response.hits.total.value:
            relaxed = self._relaxation(query)
            if relaxed is not None:
                subquery = relaxed_query(query, relaxed)
                response = self._execute(self.build_search(subquery, filters, offset, limit))
        hits = []
        for hit in response.hits:
            highlights = {}
            fragments = getattr(hit.meta, "highlight", None)
            if fragments is not None:
                for field in DISPLAY_FIELDS:
                    values = getattr(fragments, field, None)
                    if values:
                        highlights[field] = marked_html(values[0])
            hits.append(
                Hit(
                    item_id=int(hit.item_id),
                    score=round(hit.meta.score or 0),
                    highlights=highlights,
                )
            )
        aggs = response.aggregations
        facets = {}
        for facet in FACETS:
            buckets = getattr(aggs, facet).values.buckets
            facets[facet] = {
                (int(b.key) if facet == "department" else b.key): b.doc_count for b in buckets
            }
        return SearchResults(
            hits=hits,
            total=response.hits.total.value,
            exact_total=aggs.exact.doc_count,
            facets=facets,
            backend=self.name,
            relaxed=relaxed,
        )

    def _execute(self, search: Search):
        """The response, or None when there is no index yet."""
        try:
            return search.execute()
        except es_exceptions.NotFoundError:
            return None
        except (es_exceptions.ApiError, es_exceptions.TransportError) as error:
            raise SearchBackendError(str(error)) from error

    def _relaxation(self, query: ParsedQuery) -> tuple[int, ...] | None:
        """The best subset of the query's units that finds something (search.ranking): every
        candidate counted, with and without an exact hit, in one request over the whole index."""
        candidates = relaxation_candidates(query)
        if not candidates:
            return None
        units = [term_plan(unit) for unit in query.units]
        buckets = {}
        for n, subset in enumerate(candidates):
            matches = [term_query(units[i]) for i in subset]
            exact = [
                _phrase(f"{group}_tokens", phrase)
                for i in subset
                for group in GROUPS
                for phrase in units[i].phrases
            ]
            buckets[f"{n}"] = Q("bool", filter=matches)
            buckets[f"{n}-exact"] = Q("bool", filter=[*matches, _any(exact or [Q("match_none")])])
        search = Search(using=self.client, index=self.alias).extra(size=0)
        search.aggs.bucket("subsets", "filters", filters=buckets)
        response = self._execute(search)
        if response is None:
            return None
        counted = response.aggregations.subsets.buckets
        counts = [
            (counted[f"{n}"].doc_count, counted[f"{n}-exact"].doc_count)
            for n in range(len(candidates))
        ]
        return best_candidate(query, candidates, counts)
