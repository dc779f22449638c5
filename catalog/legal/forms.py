"""Admin forms of the registry, and of a legal basis inside the item form."""

from wagtail.admin.forms import WagtailAdminModelForm

from ..text import CleanTextFormMixin
from .models import LegalDocument, LegalDocumentName
from .names import article_key, document_key
from .parsing import read_bases
from .registry import Registry, plain_name


def _live_forms(formset):
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
    ]


class LegalDocumentForm(CleanTextFormMixin, WagtailAdminModelForm):
    """Names are keys: no name or alias may stand for two documents, no article twice."""

    def clean(self):
        cleaned = super().clean()
        own = self.instance.pk
        taken = dict(LegalDocument.objects.exclude(pk=own).values_list("key", "pk"))
        taken |= dict(
            LegalDocumentName.objects.exclude(document_id=own).values_list("key", "document_id")
        )
        names = dict(LegalDocument.objects.values_list("pk", "name"))

        def clash(key: str) -> str:
            return f"“{key}”已是《{names.get(taken[key], '')}》的名称或别名。"

        name = plain_name(cleaned.get("name") or "")
        seen = set()
        if document_key(name):
            key = document_key(name)
            seen.add(key)
            if key in taken:
                self.add_error("name", clash(key))
        aliases = self.formsets.get("aliases")
        for form in _live_forms(aliases) if aliases is not None else []:
            alias = plain_name(form.cleaned_data.get("name") or "")
            key = document_key(alias)
            if not key:
                form.add_error("name", "请填写简称或别名。")
            elif key in taken:
                form.add_error("name", clash(key))
            elif key in seen:
                form.add_error("name", f"“{alias}”与全称或另一个别名重复。")
            seen.add(key)
        articles = self.formsets.get("articles")
        keys = set()
        for form in _live_forms(articles) if articles is not None else []:
            article = (form.cleaned_data.get("article") or "").strip()
            key = article_key(article)
            if not key:
                form.add_error("article", "请填写条款，例如：第十九条。")
            elif key in keys:
                form.add_error("article", f"“{article}”重复。每一条只需填写一次。")
            keys.add(key)
        return cleaned


def read_basis_form(form, registry: Registry) -> None:
    """A legal basis row of the item form, as the clerk writes it (validated, not saved).

    A whole citation pasted into 依据名称 (``《律师法》第十九条：……``) is split into name, 文号,
    article and text; a basis without a chosen document is linked to the registry document
    its name stands for (a name the registry lacks gets an unverified document when the item
    is saved: ``catalog.forms.CertificateItemForm.save``).
    """
    cleaned = form.cleaned_data
    name = cleaned.get("name") or ""
    reading = read_bases(name)
    if len(reading.citations) > 1:
        form.add_error(
            "name", f"这里填写了 {len(reading.citations)} 个依据，请每个依据单独填写一行。"
        )
        return
    if len(reading.citations) == 1 and not reading.problems:
        citation = reading.citations[0]
        parts = {
            "name": citation.name,
            "document_number": citation.document_number,
            "article": citation.article,
            "article_text": citation.article_text,
        }
        fits = all(
            len(value) <= form.instance._meta.get_field(field).max_length
            for field, value in parts.items()
            if field != "article_text"
        )
        if (
            citation.name != name
            and fits
            and all(
                not cleaned.get(field) or cleaned.get(field) == value
                for field, value in parts.items()
                if value and field != "name"
            )
        ):
            for field, value in parts.items():
                if value:
                    cleaned[field] = value
                    setattr(form.instance, field, value)
    if not cleaned.get("document") and cleaned.get("name"):
        found = registry.find(cleaned["name"])
        if found is not None:
            cleaned["document"] = form.instance.document = LegalDocument.objects.get(pk=found)
