"""Model fields for personal data at rest (ADR 017)."""

from django import forms
from django.core.exceptions import FieldError
from django.db import models

from .crypto import decrypt, encrypt

_ALLOWED_LOOKUPS = {"isnull"}


class EncryptedTextField(models.TextField):
    """A text column that holds the Fernet token of its value; in Python the value is plain text.

    Equality cannot be tested in the database (every token differs), so lookups other than
    `isnull` raise: search through the lookup-hash column declared with `privacy.registry`.
    Works with simple-history (the historical table holds tokens too). `max_length`, if given,
    only limits the form field.
    """

    description = "Encrypted text (Fernet token in the database)"

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def to_python(self, value):
        if value is None or isinstance(value, str):
            return value
        return str(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(value)

    def get_lookup(self, lookup_name):
        if lookup_name in _ALLOWED_LOOKUPS:
            return super().get_lookup(lookup_name)
        raise FieldError(
            f"{self.model.__name__}.{self.name} is encrypted; “__{lookup_name}” cannot be used on "
            "it. Filter on its lookup-hash column (privacy.registry.filter_equal)."
        )

    def get_transform(self, lookup_name):
        raise FieldError(
            f"{self.model.__name__}.{self.name} is encrypted; no transform “__{lookup_name}”."
        )

    def formfield(self, **kwargs):
        defaults = {"form_class": forms.CharField, "max_length": self.max_length}
        defaults.update(kwargs)
        defaults.setdefault("widget", forms.TextInput)
        return models.Field.formfield(self, **defaults)


class LookupHashField(models.CharField):
    """The hex HMAC of another field's normalized value ("" when that field is empty), indexed."""

    _DEFAULTS = {
        "max_length": 64,
        "blank": True,
        "default": "",
        "db_index": True,
        "editable": False,
    }

    def __init__(self, *args, **kwargs):
        for key, value in self._DEFAULTS.items():
            kwargs.setdefault(key, value)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        for key, ours in self._DEFAULTS.items():
            actual = getattr(self, key)
            if actual == ours:
                kwargs.pop(key, None)
            else:
                kwargs[key] = actual
        return name, path, args, kwargs
