"""Whether any record uses a term: every registered field, current rows and simple-history
rows alike, and the Wagtail revisions of the models that keep them (ADR 023)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import TextField
from django.db.models.functions import Cast
from modelcluster.fields import ParentalKey
from wagtail.models import Revision, RevisionMixin

from .registry import Usage, registry


def _revisions(model):
    return Revision.objects.filter(content_type=ContentType.objects.get_for_model(model))


def _revision_count(usage: Usage, code: str) -> int:
    """Revisions holding ``code`` in the field: the model's own revisions (a top-level key of
    their content) or, for an inline child (``ParentalKey``), its parent's revisions."""
    model = usage.model
    if issubclass(model, RevisionMixin):
        return _revisions(model).filter(**{f"content__{usage.field_name}": code}).count()
    total = 0
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey) and issubclass(field.related_model, RevisionMixin):
            # children are serialized as lists of objects under the parent's related name;
            # matching the JSON text errs (if ever) on the side of "used"
            needle = f'"{usage.field_name}": "{code}"'
            total += (
                _revisions(field.related_model)
                .annotate(text=Cast("content", TextField()))
                .filter(text__contains=needle)
                .count()
            )
    return total


def usage_count(vocabulary: str, code: str) -> int:
    """How many rows, history rows and revisions hold ``code`` of ``vocabulary``."""
    total = 0
    for usage in registry.for_vocabulary(vocabulary):
        total += usage.model._base_manager.filter(**{usage.field_name: code}).count()
        total += _revision_count(usage, code)
    for counter in registry.counters(vocabulary):
        total += counter(code)
    return total
