"""Keep simple-history's record of items and guides true to the database row, and put back
version 1 of the letter wording after a flush; forget the cached letter wording when a version
is saved or deleted (at once, and again when the transaction commits).


After an edit of a live item, Wagtail saves the in-memory *draft* with only bookkeeping
``update_fields``; recording that save would write draft values into the history of the live
row. Those saves are skipped; the draft itself is kept as a Wagtail revision.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.dispatch import receiver

from .letters.selectors import forget_current_letter_wording
from .letters.services import letter_wording_ensure

BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


@receiver(pre_save, sender="catalog.CertificateItem")
@receiver(pre_save, sender="catalog.ServiceGuide")
def skip_history_for_bookkeeping_saves(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        instance.skip_history_when_saving = True
    else:
        instance.__dict__.pop("skip_history_when_saving", None)


@receiver(post_migrate)
def letter_wording_after_migrate(sender, app_config=None, **kwargs):
    """Version 1 of the letter wording, again after a ``flush`` emptied what the data migration
    installed (transactional tests); nothing when a version exists."""
    if app_config is not None and app_config.label == "catalog":
        letter_wording_ensure()


@receiver(post_save, sender="catalog.LetterWordingVersion")
@receiver(post_delete, sender="catalog.LetterWordingVersion")
def letter_wording_version_changed(sender, raw=False, **kwargs):
    forget_current_letter_wording()
    transaction.on_commit(forget_current_letter_wording)
