"""Admin listing filters of term fields: a choice of the vocabulary's terms (retired ones
included: old records hold them), read when the form is shown."""

from functools import partial

import django_filters
from django.utils.text import capfirst
from wagtail.admin.filters import WagtailFilterSet

from . import reader
from .fields import VocabularyField


def _choices(vocabulary):
    return [(row.code, row.choice_label) for row in reader.terms(vocabulary, include_retired=True)]


class VocabularyFilterSet(WagtailFilterSet):
    """A ``WagtailFilterSet`` whose term fields filter by a choice of terms."""

    @classmethod
    def filter_for_field(cls, field, field_name, lookup_expr=None):
        if isinstance(field, VocabularyField) and lookup_expr in (None, "exact"):
            return django_filters.ChoiceFilter(
                field_name=field_name,
                label=capfirst(field.verbose_name),
                choices=partial(_choices, field.vocabulary),
            )
        return super().filter_for_field(field, field_name, lookup_expr)
