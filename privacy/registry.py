"""Which models hold personal data encrypted, and which hash columns derive from which field.

    register(CommitmentLetter, encrypted=["person_id_number", ...],
             hashed={"person_id_hash": ("person_id_number", "id"), ...})

A registered model's hash columns are filled from the plain values before every save (a
`pre_save` handler), so its simple-history rows carry them too. `manage.py rotate_privacy_keys`
walks every registered model and its historical model (`rotate_model`).
"""

from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import pre_save

from .crypto import NORMALIZERS, lookup_hash, lookup_hashes


@dataclass(frozen=True)
class PrivacySpec:
    model: type[models.Model]
    encrypted: tuple[str, ...]
    hashed: dict[str, tuple[str, str]] = field(default_factory=dict)

    def hash_column_for(self, source: str) -> tuple[str, str]:
        for column, (field_name, kind) in self.hashed.items():
            if field_name == source:
                return column, kind
        raise LookupError(f"{self.model.__name__}.{source} has no lookup-hash column")


_REGISTRY: dict[type[models.Model], PrivacySpec] = {}


def register(model, *, encrypted: list[str], hashed: dict[str, tuple[str, str]]) -> PrivacySpec:
    # local_fields: usable while the models are still loading (register from models.py).
    names = {
        f.name
        for klass in model.__mro__
        if hasattr(klass, "_meta")
        for f in klass._meta.local_fields
    }
    for name in [*encrypted, *hashed, *(source for source, _ in hashed.values())]:
        if name not in names:
            raise ValueError(f"{model.__name__} has no field {name!r}")
    for _, kind in hashed.values():
        if kind not in NORMALIZERS:
            raise ValueError(f"unknown lookup hash kind {kind!r}")
    spec = PrivacySpec(model=model, encrypted=tuple(encrypted), hashed=dict(hashed))
    _REGISTRY[model] = spec
    pre_save.connect(
        _fill_hashes_before_save,
        sender=model,
        weak=False,
        dispatch_uid=f"privacy-hashes-{model._meta.label_lower}",
    )
    return spec


def registered() -> list[PrivacySpec]:
    return list(_REGISTRY.values())


def spec_for(model) -> PrivacySpec:
    return _REGISTRY[model]


def fill_hashes(instance) -> None:
    """Set the instance's hash columns from its current plain values."""
    for column, (source, kind) in _REGISTRY[type(instance)].hashed.items():
        setattr(instance, column, lookup_hash(getattr(instance, source) or "", kind=kind))


def _fill_hashes_before_save(sender, instance, raw=False, **kwargs):
    fill_hashes(instance)


def hash_q(model, source: str, value: str) -> Q:
    """A Q matching rows of `model` whose `source` field equals `value` (after normalization).

    Matches nothing for an empty value."""
    column, kind = _REGISTRY[model].hash_column_for(source)
    hashes = lookup_hashes(value, kind=kind)
    if not hashes:
        return Q(pk__in=[])
    return Q(**{f"{column}__in": hashes})


def filter_equal(queryset, source: str, value: str):
    """`queryset` narrowed to rows whose encrypted `source` field equals `value`."""
    return queryset.filter(hash_q(queryset.model, source, value))


def historical_model(model):
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    if not attribute:
        return None
    return getattr(model, attribute).model


def rotate_model(model, spec: PrivacySpec, *, batch_size: int = 500) -> int:
    """Re-encrypt `spec.encrypted` of every row of `model` with the first key and recompute its
    hash columns with the current hash key; one transaction per batch; returns rows rewritten.

    Idempotent: running it again rewrites the same plain values under the same keys."""
    encrypted = list(spec.encrypted)
    sources = {source for source, _ in spec.hashed.values()}
    load = sorted(set(encrypted) | sources)
    write = encrypted + [c for c in spec.hashed if c not in encrypted]
    pk_name = model._meta.pk.attname
    last = None
    done = 0
    while True:
        with transaction.atomic():
            queryset = model._base_manager.order_by(pk_name).only(pk_name, *load)
            if last is not None:
                queryset = queryset.filter(**{f"{pk_name}__gt": last})
            rows = list(queryset.select_for_update()[:batch_size])
            if not rows:
                return done
            for row in rows:
                for column, (source, kind) in spec.hashed.items():
                    setattr(row, column, lookup_hash(getattr(row, source) or "", kind=kind))
            # bulk_update writes through the fields' get_prep_value: the first key encrypts.
            model._base_manager.bulk_update(rows, write)
        done += len(rows)
        last = getattr(rows[-1], pk_name)
