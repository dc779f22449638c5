"""Keep the public search index in step with publication (side effects only).

Wagtail sends ``published`` and ``unpublished`` from inside the publish/unpublish action,
after the item's row is saved; in this project every path that publishes or withdraws an item
(approval: ``Task.on_action``/``WorkflowState.finish``; ``item_review``; ``item_withdraw``)
runs in a transaction, so the index entry is written in that same transaction
(tests/search/test_indexing.py checks that a failure after the signal rolls both back).
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from . import services
from .selectors import SYNONYM_CACHE_KEY


def _is_item(sender) -> bool:
    from catalog.models import CertificateItem

    return issubclass(sender, CertificateItem)


@receiver(published)
def index_published_item(sender, instance, **kwargs):
    if _is_item(sender):
        services.item_index(item_id=instance.pk)


@receiver(unpublished)
def unindex_unpublished_item(sender, instance, **kwargs):
    if _is_item(sender):
        services.item_unindex(item_id=instance.pk)


@receiver(post_save, sender="catalog.Department")
def reindex_department_items(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        services.department_reindex(department_id=instance.pk)


@receiver(post_save, sender="catalog.LegalArticle")
@receiver(post_delete, sender="catalog.LegalArticle")
def reindex_items_citing_the_document(sender, instance, raw=False, **kwargs):
    """The registry's article texts are indexed with the items citing them."""
    if not raw:
        services.legal_document_reindex(document_id=instance.document_id)


@receiver(post_save, sender="catalog_search.Synonym")
@receiver(post_delete, sender="catalog_search.Synonym")
def forget_synonyms(sender, **kwargs):
    cache.delete(SYNONYM_CACHE_KEY)
