"""Every write to the search index: index, remove, rebuild; and the drift report.

The database index (``SearchDocument`` + the full-text index over it) is written in the
caller's transaction, so a publication and its index entry commit or roll back together.
Elasticsearch, when configured, cannot take part in a database transaction: it is written
after the commit (``transaction.on_commit``); a failure there is logged, reported by
``search_index_drift`` and repaired by ``rebuild_search_index``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import connection, transaction

from catalog.legal.registry import Registry
from catalog.models import CertificateItem

from .backends import get_database_backend, get_search_backend
from .documents import IndexDocument, build_document, searchable_extra_fields

logger = logging.getLogger(__name__)

REBUILD_BATCH = 1000


def _external_backend():
    backend = get_search_backend()
    return None if backend is get_database_backend() else backend


def _after_commit(action: str, call) -> None:
    def run():
        try:
            call()
        except Exception:
            logger.exception("search index: %s failed in %s", action, _external_backend().name)

    transaction.on_commit(run)


def _live_items():
    return (
        CertificateItem.objects.live().select_related("department").prefetch_related("legal_bases")
    )


def _document(item, registry: Registry | None = None) -> IndexDocument:
    """An item's index entry; a basis without article text is indexed with the registry's
    text of the article, which the public page shows."""
    registry = registry or Registry()
    bases = [
        _BasisRow(
            b.name,
            b.document_number,
            b.article,
            b.article_text or registry.article_text(b.document_id, b.article),
        )
        for b in item.legal_bases.all()
    ]
    return build_document(item, bases)


def item_index(*, item_id: int) -> IndexDocument | None:
    """Bring the index entry of one item up to date with its database row: its published
    version if it is live, nothing if it is not."""
    item = _live_items().filter(pk=item_id).first()
    if item is None:
        item_unindex(item_id=item_id)
        return None
    document = _document(item)
    get_database_backend().upsert([document])
    external = _external_backend()
    if external is not None:
        _after_commit("index", lambda: external.upsert([document]))
    return document


def item_unindex(*, item_id: int) -> None:
    get_database_backend().delete([item_id])
    external = _external_backend()
    if external is not None:
        _after_commit("remove", lambda: external.delete([item_id]))


def department_reindex(*, department_id: int) -> int:
    """A department's name is part of its items' index entries: rewrite those that changed."""
    return _reindex(_live_items().filter(department_id=department_id))


def legal_document_reindex(*, document_id: int) -> int:
    """A registry document's article texts are part of the index entries of the live items
    citing it without their own text: rewrite those that changed."""
    return _reindex(_live_items().filter(legal_bases__document_id=document_id).distinct())


def _reindex(items) -> int:
    from .models import SearchDocument

    items = list(items)
    indexed = dict(
        SearchDocument.objects.filter(item_id__in=[i.pk for i in items]).values_list(
            "item_id", "fingerprint"
        )
    )
    registry = Registry()
    documents = [
        d
        for d in (_document(i, registry) for i in items)
        if indexed.get(d.item_id) != d.fingerprint
    ]
    if not documents:
        return 0
    get_database_backend().upsert(documents)
    external = _external_backend()
    if external is not None:
        _after_commit("index", lambda: external.upsert(documents))
    return len(documents)


@dataclass(frozen=True)
class _ItemRow:
    """The columns of a live item that its index entry is built from (read without model
    instances: a rebuild reads every published item)."""

    pk: int
    department_id: int
    name: str
    purpose: str
    requesting_unit: str
    issuing_unit: str
    certificate_content: str
    remarks: str
    level_provincial: bool
    level_city: bool
    level_county: bool
    level_township: bool
    matter_type: str
    focus_area: str
    live_revision_id: int | None
    extra_values: dict | None = None


ITEM_COLUMNS = [f.name for f in _ItemRow.__dataclass_fields__.values()]
BASIS_COLUMNS = ["item_id", "name", "document_number", "article", "article_text", "document_id"]


@dataclass(frozen=True)
class _BasisRow:
    name: str
    document_number: str
    article: str
    article_text: str


def live_documents(batch_size: int = REBUILD_BATCH) -> Iterator[IndexDocument]:
    """Index entries of every live item, read in batches of ``batch_size`` rows."""
    from catalog.models import Department, LegalBasis

    departments = dict(Department.objects.values_list("pk", "name"))
    registry = Registry()
    searchable = searchable_extra_fields()
    last = 0
    while True:
        rows = list(
            CertificateItem.objects.live()
            .filter(pk__gt=last)
            .order_by("pk")
            .values_list(*ITEM_COLUMNS)[:batch_size]
        )
        if not rows:
            return
        bases: dict[int, list[_BasisRow]] = {}
        for item_id, name, number, article, text, document_id in (
            LegalBasis.objects.filter(item_id__in=[r[0] for r in rows])
            .order_by("item_id", "sort_order", "pk")
            .values_list(*BASIS_COLUMNS)
        ):
            text = text or registry.article_text(document_id, article)
            bases.setdefault(item_id, []).append(_BasisRow(name, number, article, text))
        for row in rows:
            item = _ItemRow(*row)
            yield build_document(
                item,
                bases.get(item.pk, []),
                departments[item.department_id],
                extra_definitions=searchable,
            )
        last = rows[-1][0]


@dataclass
class RebuildReport:
    documents: int
    backends: list[str]


def index_rebuild(*, batch_size: int = REBUILD_BATCH) -> RebuildReport:
    """Rebuild the database index (writing only what changed, in one transaction) and, when
    configured, a fresh Elasticsearch index that replaces the old one atomically."""
    count = get_database_backend().rebuild(live_documents(batch_size))
    backends = [get_database_backend().name]
    external = _external_backend()
    if external is not None:
        external.rebuild(live_documents(batch_size))
        backends.append(external.name)
    return RebuildReport(documents=count, backends=backends)


@dataclass
class Drift:
    backend: str
    missing: list[int] = field(default_factory=list)  # published but not indexed
    unpublished: list[int] = field(default_factory=list)  # indexed but not (or no longer) live
    stale: list[int] = field(default_factory=list)  # indexed with other content
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.missing or self.unpublished or self.stale or self.problems)


def _compare(backend_name: str, indexed: dict[int, str], expected: dict[int, str]) -> Drift:
    return Drift(
        backend=backend_name,
        missing=sorted(i for i in expected if i not in indexed),
        unpublished=sorted(i for i in indexed if i not in expected),
        stale=sorted(i for i in expected if i in indexed and indexed[i] != expected[i]),
    )


def _sqlite_problems() -> list[str]:
    if connection.vendor != "sqlite":
        return []
    problems = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            ["catalog_search_document_%"],
        )
        triggers = {row[0] for row in cursor.fetchall()}
        for name in ("ai", "ad", "au"):
            if f"catalog_search_document_{name}" not in triggers:
                problems.append(f"缺少全文索引触发器 catalog_search_document_{name}")
        for group in ("name", "purpose", "body"):
            table = f"catalog_search_{group}_fts"
            try:
                cursor.execute(
                    f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"  # noqa: S608
                )
            except Exception as error:  # FTS5 reports a corrupt index as an error
                problems.append(f"全文索引 {table} 与索引表不一致：{error}")
    return problems


def index_drift() -> list[Drift]:
    """Differences between the published catalog and each index."""
    expected = {d.item_id: d.fingerprint for d in live_documents()}
    database = get_database_backend()
    reports = [_compare(database.name, database.fingerprints(), expected)]
    reports[0].problems += _sqlite_problems()
    external = _external_backend()
    if external is not None:
        try:
            reports.append(_compare(external.name, external.fingerprints(), expected))
        except Exception as error:
            reports.append(Drift(backend=external.name, problems=[f"无法读取索引：{error}"]))
    return reports
