"""Side effects: forget cached labels when a term changes; seed the default terms after a
``migrate`` that finds the table empty (ADR 023)."""

import importlib

from django.db import DEFAULT_DB_ALIAS, router, transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from . import reader
from .models import Term


def term_changed(sender, **kwargs):
    reader.forget()
    transaction.on_commit(reader.changed)


def seed_defaults(using=DEFAULT_DB_ALIAS, apps=None, **kwargs):
    """Create the default terms when the table is completely empty: a transactional test's
    flush empties it (as it empties the permissions Django then re-creates); a deployment that
    deleted unused terms keeps them deleted."""
    if not router.allow_migrate_model(using, Term):
        return
    try:
        model = apps.get_model("vocabularies", "Term") if apps is not None else Term
    except LookupError:  # migrated to a state before the terms existed
        return
    if model.objects.using(using).exists():
        return
    importlib.import_module(reader.DEFAULTS_MIGRATION).create_default_terms(model, using)
    reader.changed()


def connect(app_config):
    post_save.connect(term_changed, sender=Term, dispatch_uid="vocabularies_term_saved")
    post_delete.connect(term_changed, sender=Term, dispatch_uid="vocabularies_term_deleted")
    post_migrate.connect(seed_defaults, sender=app_config, dispatch_uid="vocabularies_seed")
