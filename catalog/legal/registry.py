"""The registry in memory: match many bases to documents with a few queries.

An import of 10,000 rows cites a handful of documents thousands of times; ``Registry`` reads
every name, alias and article text once and answers from memory. Documents it creates (a name
the registry does not know) are written at once and remembered, so one unknown name becomes
one unverified document however many rows cite it.
"""

from django.db import IntegrityError, transaction

from ..enums import DocumentStatus
from .models import LegalArticle, LegalDocument, LegalDocumentName
from .names import document_key, document_keys, text_of_article


def plain_name(name: str) -> str:
    """A cited name without its 《》: the registry's spelling of a name."""
    name = (name or "").strip()
    if name.startswith("《") and name.endswith("》"):
        name = name[1:-1].strip()
    return name


class Registry:
    def __init__(self):
        self.by_key: dict[str, int] = {}
        self.levels: dict[int, str] = {}
        self.names: dict[int, str] = {}
        self.verified: dict[int, bool] = {}
        self.status: dict[int, tuple[str, object]] = {}
        self.texts: dict[int, dict[str, str]] = {}
        shortened: dict[str, set[int]] = {}
        documents = LegalDocument.objects.values_list(
            "pk", "key", "name", "legal_level", "verified", "status", "amended_on", "repealed_on"
        )
        for pk, key, name, level, verified, status, amended_on, repealed_on in documents:
            self.by_key[key] = pk
            self.levels[pk], self.names[pk], self.verified[pk] = level, name, verified
            date = repealed_on if status == DocumentStatus.REPEALED else amended_on
            self.status[pk] = (status, date)
            for short in document_keys(name)[1:]:
                shortened.setdefault(short, set()).add(pk)
        for document_id, key in LegalDocumentName.objects.values_list("document_id", "key"):
            self.by_key.setdefault(key, document_id)
        # 律师法 finds 中华人民共和国律师法 unless it is a name of its own, or of two documents.
        for short, ids in shortened.items():
            if len(ids) == 1:
                self.by_key.setdefault(short, next(iter(ids)))
        for document_id, key, text in LegalArticle.objects.exclude(text="").values_list(
            "document_id", "key", "text"
        ):
            self.texts.setdefault(document_id, {})[key] = text

    def find(self, name: str) -> int | None:
        """The document a cited name stands for, or None."""
        for key in document_keys(name):
            if key in self.by_key:
                return self.by_key[key]
        return None

    def article_text(self, document_id: int | None, article: str) -> str:
        if document_id is None or not article:
            return ""
        return text_of_article(self.texts.get(document_id, {}), article)

    def ensure(
        self, *, name: str, document_number: str = "", legal_level: str = "", user=None
    ) -> int:
        """The document ``name`` stands for, created unverified when the registry lacks it."""
        found = self.find(name)
        if found is not None:
            return found
        document = LegalDocument(
            name=plain_name(name)[:200],
            document_number=document_number[:100],
            legal_level=legal_level,
            verified=False,
        )
        document._history_user = user
        document._change_reason = "引用时新建，待司法局确认"
        try:
            with transaction.atomic():
                document.save()
        except IntegrityError:  # created meanwhile by someone else
            document = LegalDocument.objects.get(key=document_key(plain_name(name)))
        self.by_key[document.key] = document.pk
        self.levels[document.pk], self.names[document.pk] = document.legal_level, document.name
        self.verified[document.pk] = document.verified
        self.status[document.pk] = (document.status, None)
        return document.pk


def bases_link(rows: list[dict], *, user=None, registry: Registry | None = None) -> list[dict]:
    """Legal basis rows (dicts of ``LegalBasis`` fields), each linked to its registry document:
    one given as ``document``/``document_id`` stays; otherwise found by name, or created as an
    unverified document."""
    linked = []
    for row in rows or []:
        row = dict(row)
        document = row.pop("document", None)
        if document is not None:
            row["document_id"] = document.pk if hasattr(document, "pk") else document
        if not row.get("document_id") and (row.get("name") or "").strip():
            registry = registry or Registry()
            row["document_id"] = registry.ensure(
                name=row["name"],
                document_number=row.get("document_number") or "",
                legal_level=row.get("legal_level") or "",
                user=user,
            )
        linked.append(row)
    return linked
