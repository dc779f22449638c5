"""``VocabularyField``: a CharField holding a term's code (ADR 023).

It has no static ``choices`` (changing the terms never makes a migration, and nothing reads the
database at import time). Its form field offers the active terms in order, plus the value the
edited record holds if that term was retired; ``get_<name>_display()`` reads the label from the
terms (retired ones included); model validation refuses a code the vocabulary does not have.
Every concrete model using it (simple-history's historical models included) is registered, so
that a term in use is found before it is deleted.
"""

from functools import partialmethod

from django import forms
from django.apps import apps as global_apps
from django.core import exceptions
from django.db import models

from . import reader
from .registry import registry

BLANK_CHOICE = "---------"


class VocabularyChoiceField(forms.ChoiceField):
    """The active terms in order; the bound record's own value stays offered when retired."""

    def __init__(self, *, vocabulary, blank=None, exclude=(), **kwargs):
        self.vocabulary = vocabulary
        self.exclude = tuple(exclude)
        self.blank = blank  # the label of the empty choice, None: no empty choice
        self.retained = None
        kwargs.pop("choices", None)
        super().__init__(choices=self.current_choices, **kwargs)

    def current_choices(self):
        rows = reader.terms(self.vocabulary, include_retired=True)
        offered = [
            (row.code, row.choice_label)
            for row in rows
            if row.code not in self.exclude
            and (row.active or (self.retained and row.code == self.retained))
        ]
        if self.retained and not any(code == self.retained for code, _ in offered):
            offered.append((self.retained, str(self.retained)))  # unknown: shown as stored
        if self.blank is not None:
            offered.insert(0, ("", self.blank))
        return offered

    def get_bound_field(self, form, field_name):
        initial = form.get_initial_for_field(self, field_name)
        self.retained = initial if isinstance(initial, str) and initial else None
        self.choices = self.current_choices
        return super().get_bound_field(form, field_name)

    def __deepcopy__(self, memo):
        result = super().__deepcopy__(memo)
        result.choices = result.current_choices
        return result


class VocabularyField(models.CharField):
    def __init__(self, *args, vocabulary=None, blank_label="", exclude=(), **kwargs):
        self.vocabulary = vocabulary
        self.exclude = tuple(exclude)  # codes of the vocabulary this field never holds
        self.blank_label = blank_label  # how the empty value reads (e.g. 不属于排除情形)
        kwargs.pop("choices", None)
        kwargs.setdefault("max_length", 32)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        kwargs["vocabulary"] = self.vocabulary
        if self.blank_label:
            kwargs["blank_label"] = self.blank_label
        if self.exclude:
            kwargs["exclude"] = self.exclude
        return name, "vocabularies.fields.VocabularyField", args, kwargs

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, f"get_{self.name}_display", partialmethod(_display, field=self))
        meta = cls._meta
        if not meta.abstract and meta.apps is global_apps and not meta.proxy:
            registry.add(cls, self)

    def display(self, value) -> str:
        return reader.label(self.vocabulary, value, self.blank_label)

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if value in self.empty_values:
            return
        if value in self.exclude or reader.term(self.vocabulary, value) is None:
            raise exceptions.ValidationError(
                "“%(value)s”不是有效的%(field)s。",
                code="invalid_choice",
                params={"value": value, "field": self.verbose_name},
            )

    def formfield(self, **kwargs):
        include_blank = self.blank or not (self.has_default() or "initial" in kwargs)
        blank = (self.blank_label or BLANK_CHOICE) if include_blank else None
        defaults = {
            "required": not self.blank,
            "label": self.verbose_name[:1].upper() + self.verbose_name[1:],
            "help_text": self.help_text,
            "vocabulary": self.vocabulary,
            "blank": blank,
            "exclude": self.exclude,
        }
        if self.has_default():
            defaults["initial"] = self.get_default()
        defaults.update(kwargs)
        for key in ("max_length", "empty_value", "choices_form_class", "form_class", "min_length"):
            defaults.pop(key, None)
        return VocabularyChoiceField(**defaults)


def _display(instance, field):
    return field.display(getattr(instance, field.attname))
