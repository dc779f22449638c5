"""Text that may be stored and written out: no control characters.

A vertical tab (Word's Shift+Enter), a NUL pasted from another system or a lone surrogate from
a broken client is invisible on a page but fatal in XML (RSS feeds, the .docx letter form),
in .xlsx cells (openpyxl refuses them) and in e-mail headers. :func:`clean_text` is the one rule,
applied at every door text comes in by and again by every writer:

- line breaks of every kind (CR LF, CR, vertical tab, form feed, the file/group/record
  separators, NEL, U+2028, U+2029) become ``\\n`` where the field holds several lines, and a
  space in a one-line field; a tab is kept in several lines and becomes a space in one line;
- every other control character (C0, DEL, C1), lone surrogates and Unicode noncharacters
  (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two code points of every plane) are removed.

Everything else is kept as typed: format characters (the zero-width joiner and the Mongolian
vowel separator that Mongolian script needs), private-use characters (rare names in some
government systems) and every letter, mark and symbol.

Where it is applied (it lives in ``catalog``, the lowest app that holds text; ``publishing``,
``search`` and ``cms`` import it from here):

- ``CleanTextMixin`` on the project's models: ``clean_fields`` (every ModelForm, Wagtail's
  snippet forms and their inline rows, and every service that calls ``full_clean``), ``save``
  (every other write) and ``serializable_data`` (what a Wagtail revision stores) clean every
  text column first: ``TextField`` as several lines, ``CharField`` as one line;
- ``CleanTextFormMixin`` on plain forms: each text field cleans its input before validation,
  so ``required`` and length checks see the cleaned text;
- the spreadsheet import (``catalog.spreadsheets.cleaning``);
- the writers: feeds (``cms.feeds``), the letter form (.docx, .pdf), the spreadsheet and CSV
  exports;
- the migrations ``catalog 0004``, ``publishing 0004`` and ``catalog_search 0004`` repaired the
  text stored before (:func:`repair_stored_text`, :func:`repair_revisions`).
"""

import dataclasses
import re
from functools import cache, partial

from django import forms
from django.db import models

# Characters that mean "new line" to some program (Word writes U+000B for Shift+Enter).
_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_NONCHARACTERS = "".join(
    chr(plane + last) for plane in range(0x10000, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)
)
# Everything that is removed: C0 controls but tab, line feed and the breaks above; DEL; C1
# controls but NEL; surrogates; noncharacters.
_REMOVED = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + _NONCHARACTERS
    + "]"
)
_ANY = re.compile(f"{_BREAKS.pattern}|{_REMOVED.pattern}|[\t\n]")


def clean_text(value, *, multiline: bool = True):
    """``value`` without control characters (see the module's rules); non-text is returned
    unchanged. ``multiline=False`` for one-line fields (names, units, titles)."""
    if not isinstance(value, str) or not value:
        return value
    if multiline:
        if _BREAKS.search(value) is None and _REMOVED.search(value) is None:
            return value
    elif _ANY.search(value) is None:
        return value
    text = _BREAKS.sub("\n", _REMOVED.sub("", value))
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return text


def clean_line(value):
    """:func:`clean_text` for a one-line value."""
    return clean_text(value, multiline=False)


def is_clean(value: str, *, multiline: bool = True) -> bool:
    return clean_text(value, multiline=multiline) == value


def clean_deep(value):
    """``value`` with every string in it cleaned (several lines allowed): strings, lists,
    tuples, dicts and dataclass instances (rebuilt with ``dataclasses.replace``). For writers
    that take a whole document structure, e.g. the letter form."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(clean_deep(v) for v in value)
    if isinstance(value, dict):
        return {k: clean_deep(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: clean_deep(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return dataclasses.replace(value, **changes)
    return value


@cache
def _text_fields(model) -> list[tuple[str, bool]]:
    """(attribute name, multiline) of the model's free-text columns (not choice codes)."""
    return [
        (field.attname, isinstance(field, models.TextField))
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField) and not field.choices
    ]


@cache
def _text_field_kinds(model) -> dict[str, bool]:
    return {
        field.name: isinstance(field, models.TextField)
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField) and not field.choices
    }


def clean_values(model, values: dict) -> dict:
    """``values`` (field name -> value) for ``model`` with its text fields cleaned: for the
    services, before they check and store what a caller passed."""
    kinds = _text_field_kinds(model)
    return {
        name: clean_text(value, multiline=kinds[name]) if name in kinds else value
        for name, value in values.items()
    }


class CleanTextMixin:
    """A model whose text columns never hold control characters (see the module)."""

    def clean_text_fields(self) -> None:
        for attname, multiline in _text_fields(type(self)):
            value = getattr(self, attname)
            cleaned = clean_text(value, multiline=multiline)
            if cleaned is not value:
                setattr(self, attname, cleaned)

    def clean_fields(self, exclude=None):
        self.clean_text_fields()
        super().clean_fields(exclude=exclude)

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def serializable_data(self):
        """What a Wagtail revision stores (modelcluster also asks inline rows for it)."""
        from modelcluster.models import get_serializable_data_for_fields

        self.clean_text_fields()
        parent = super()
        if hasattr(parent, "serializable_data"):
            return parent.serializable_data()
        return get_serializable_data_for_fields(self)


def _cleaning_to_python(to_python, multiline: bool, value):
    if isinstance(value, str):
        value = clean_text(value, multiline=multiline)
    return to_python(value)


def clean_form_fields(fields) -> None:
    """Make each text field of a bound form's ``fields`` clean its input first: several lines
    for a ``Textarea``, one line otherwise."""
    for field in fields.values():
        if isinstance(field, forms.CharField) and not getattr(field, "_cleans_text", False):
            multiline = isinstance(field.widget, forms.Textarea)
            field.to_python = partial(_cleaning_to_python, field.to_python, multiline)
            field._cleans_text = True


class CleanTextFormMixin:
    """A form whose text fields never pass control characters on (see the module)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        clean_form_fields(self.fields)


# --- repairing stored text (data migrations) -------------------------------------------------


def _clean_json(value, multiline_keys: frozenset):
    """Every string in a revision's JSON, cleaned; keys of one-line fields as one line."""
    if isinstance(value, dict):
        return {
            key: (
                clean_text(item, multiline=key in multiline_keys)
                if isinstance(item, str)
                else _clean_json(item, multiline_keys)
            )
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_clean_json(item, multiline_keys) for item in value]
    if isinstance(value, str):
        return clean_text(value)
    return value


def repair_stored_text(apps, app_label: str, *, models_named=None, chunk: int = 500) -> int:
    """Clean every text column of every model of ``app_label`` (historical records included),
    or of ``models_named`` only, in the migration state ``apps``; returns the rows changed."""
    changed = 0
    for model in apps.get_app_config(app_label).get_models():
        if models_named is not None and model.__name__ not in models_named:
            continue
        fields = _text_fields(model)
        if not fields:
            continue
        names = [attname for attname, _multiline in fields]
        pk = model._meta.pk.attname
        fixes = []
        for row in model._base_manager.values_list(pk, *names).iterator(chunk_size=chunk):
            values = {
                attname: clean_text(value, multiline=multiline)
                for (attname, multiline), value in zip(fields, row[1:], strict=True)
                if isinstance(value, str) and not is_clean(value, multiline=multiline)
            }
            if values:
                fixes.append((row[0], values))
        for key, values in fixes:
            model._base_manager.filter(**{pk: key}).update(**values)
        changed += len(fixes)
    return changed


def repair_revisions(apps, app_label: str, model_names: list[str]) -> int:
    """Clean the stored content of Wagtail revisions of the given models (and the title shown
    for them); returns the number of revisions changed."""
    content_type_model = apps.get_model("contenttypes", "ContentType")
    revision_model = apps.get_model("wagtailcore", "Revision")
    multiline = set()
    for name in model_names:
        model = apps.get_model(app_label, name)
        multiline |= {attname for attname, lines in _text_fields(model) if lines}
        for relation in model._meta.related_objects:
            multiline |= {
                attname for attname, lines in _text_fields(relation.related_model) if lines
            }
    multiline = frozenset(multiline)
    types = content_type_model.objects.filter(
        app_label=app_label, model__in=[n.lower() for n in model_names]
    )
    changed = 0
    revisions = revision_model.objects.filter(content_type__in=types)
    for pk, content, object_str in revisions.values_list("pk", "content", "object_str"):
        cleaned = _clean_json(content, multiline)
        title = clean_line(object_str)
        if cleaned != content or title != object_str:
            revision_model.objects.filter(pk=pk).update(content=cleaned, object_str=title)
            changed += 1
    return changed
