"""Reads of the registry for the admin's pages: what is incomplete and what must be reviewed.

A basis that cites an article without its text, when the registry has no text of that article
either, is *incomplete*: a warning (import preview, review screen, the department's dashboard),
never a refusal. An item whose cited document was amended or repealed carries an open
``ReviewFlag`` (需复核) until it is reviewed again.
"""

from permissions.scope import Scope, filter_by_scope

from ..enums import ItemStatus
from ..models import CertificateItem, LegalBasis
from ..models.items import STATUS_ANNOTATION, with_editorial_status
from .models import LegalArticle, ReviewFlag
from .names import text_of_article

MISSING_TEXT = "“{citation}”缺少条文内容：请补充条文内容，或由司法局在法律文件库中录入该条条文。"


def _registry_texts(document_ids) -> dict[int, dict[str, str]]:
    """``{document id: {article key: text}}`` of the given documents."""
    texts: dict[int, dict[str, str]] = {}
    rows = LegalArticle.objects.filter(document_id__in=set(document_ids) - {None}).exclude(text="")
    for document_id, key, text in rows.values_list("document_id", "key", "text"):
        texts.setdefault(document_id, {})[key] = text
    return texts


def _lacking(bases, texts) -> list:
    return [
        basis
        for basis in bases
        if basis.article
        and not basis.article_text
        and not text_of_article(texts.get(basis.document_id, {}), basis.article)
    ]


def bases_missing_text(bases) -> list:
    """The bases (of one version of an item) that cite an article whose text neither the basis
    nor the registry has."""
    bases = list(bases)
    candidates = [b for b in bases if b.article and not b.article_text]
    if not candidates:
        return []
    return _lacking(candidates, _registry_texts(b.document_id for b in candidates))


def missing_text_messages(bases) -> list[str]:
    """The completeness warnings of a version's bases, one per basis lacking its text."""
    return [MISSING_TEXT.format(citation=b.citation) for b in bases_missing_text(bases)]


def items_missing_article_texts(items) -> list[tuple[CertificateItem, list[str]]]:
    """``[(item, [citation, ...])]``: the items of ``items`` (a queryset) whose current version
    cites an article without its text (and the registry lacks it), withdrawn items left out.
    The current version is the item's row, or its latest revision while a change to a
    published item awaits review."""
    items = list(
        with_editorial_status(items)
        .exclude(**{STATUS_ANNOTATION: ItemStatus.WITHDRAWN})
        .select_related("department")
        .order_by("department__sort_order", "name", "pk")
    )
    pending = {item.pk for item in items if item.live and item.has_unpublished_changes}
    wanted = {item.pk for item in items} - pending
    candidates: dict[int, list] = {}
    rows = LegalBasis.objects.filter(item_id__in=wanted, article_text="").exclude(article="")
    for basis in rows.order_by("item_id", "sort_order"):
        candidates.setdefault(basis.item_id, []).append(basis)
    for item in items:
        if item.pk in pending:
            draft = item.get_latest_revision_as_object()
            lacking = [b for b in draft.legal_bases.all() if b.article and not b.article_text]
            if lacking:
                candidates[item.pk] = lacking
    texts = _registry_texts(b.document_id for bases in candidates.values() for b in bases)
    result = []
    for item in items:
        lacking = _lacking(candidates.get(item.pk, []), texts)
        if lacking:
            result.append((item, [b.citation for b in lacking]))
    return result


def open_flags(user):
    """The open review flags (需复核) of the items the user may see (their departments, or
    every department for the justice bureau and supervisors), newest first."""
    flags = ReviewFlag.objects.open().select_related("item__department", "document")
    return filter_by_scope(flags, user, Scope.VIEW, field="item__department").order_by(
        "-raised_at", "-pk"
    )


def flagged_item_ids(item_ids) -> set[int]:
    """The items among ``item_ids`` that carry an open review flag."""
    return set(
        ReviewFlag.objects.open().filter(item_id__in=item_ids).values_list("item_id", flat=True)
    )
