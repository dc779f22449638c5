"""Helpers for data migrations that move plain personal-data columns to encrypted ones.

A migration adds the encrypted column (EncryptedTextField) and the hash columns next to the
plain one, calls `encrypt_plain_columns` on the model and on its historical model, removes the
plain column and renames the encrypted one to the old name (ADR 017). Works on the
migration's historical models (`apps.get_model`), in batches, one transaction per batch.
"""

from django.db import transaction

from .crypto import lookup_hash


def _batches(model, fields, batch_size):
    pk_name = model._meta.pk.attname
    last = None
    while True:
        queryset = model._base_manager.order_by(pk_name).only(pk_name, *fields)
        if last is not None:
            queryset = queryset.filter(**{f"{pk_name}__gt": last})
        rows = list(queryset[:batch_size])
        if not rows:
            return
        yield rows
        last = getattr(rows[-1], pk_name)


def encrypt_plain_columns(
    model,
    *,
    columns: dict[str, str],
    hashed: dict[str, tuple[str, str]],
    batch_size: int = 500,
) -> int:
    """Copy each plain field into its encrypted field (`columns` = {plain: encrypted}) and fill
    the hash fields (`hashed` = {hash field: (plain field, kind)}); returns the rows written."""
    plain = sorted(set(columns) | {source for source, _ in hashed.values()})
    write = [*columns.values(), *hashed]
    done = 0
    for rows in _batches(model, plain, batch_size):
        with transaction.atomic():
            for row in rows:
                for source, target in columns.items():
                    setattr(row, target, getattr(row, source) or "")
                for column, (source, kind) in hashed.items():
                    setattr(row, column, lookup_hash(getattr(row, source) or "", kind=kind))
            model._base_manager.bulk_update(rows, write)
        done += len(rows)
    return done


def decrypt_to_plain_columns(model, *, columns: dict[str, str], batch_size: int = 500) -> int:
    """The reverse: copy each encrypted field back into its plain field."""
    done = 0
    for rows in _batches(model, list(columns.values()), batch_size):
        with transaction.atomic():
            for row in rows:
                for source, target in columns.items():
                    setattr(row, source, getattr(row, target) or "")
            model._base_manager.bulk_update(rows, list(columns))
        done += len(rows)
    return done
