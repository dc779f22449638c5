"""Admin forms of the registry and of a legal basis inside the item form."""

from wagtail.admin.forms import WagtailAdminModelForm

from ..text import CleanTextFormMixin
from .names import article_key, document_key
from .parsing import read_bases


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
        documents = self._meta.model
        aliases_model = documents._meta.get_field("aliases").related_model
        name = (cleaned.get("name") or "").strip().strip("《》").strip()
        own = self.instance.pk
        taken = {}
        for key, document_id in documents.objects.exclude(pk=own).values_list("key", "pk"):
            taken[key] = document_id
        for key, document_id in aliases_model.objects.exclude(document_id=own).values_list(
            "key", "document_id"
        ):
            taken[key] = document_id
        names = dict(documents.objects.values_list("pk", "name"))

        def clash(key: str) -> str:
            return f"“{key}”已是《{names.get(taken[key], '')}》的名称或别名。"

        if name:
            key = document_key(name)
            if key in taken:
                self.add_error("name", clash(key))
        seen = {document_key(name)} if name else set()
        aliases = self.formsets.get("aliases")
        if aliases is not None:
            for form in _live_forms(aliases):
                alias = (form.cleaned_data.get("name") or "").strip().strip("《》").strip()
                key = document_key(alias)
                if not key:
                    form.add_error("name", "请填写简称或别名。")
                elif key in taken:
                    form.add_error("name", clash(key))
                elif key in seen:
                    form.add_error("name", f"“{alias}”与全称或另一个别名重复。")
                seen.add(key)
        articles = self.formsets.get("articles")
        if articles is not None:
            keys = set()
            for form in _live_forms(articles):
                article = (form.cleaned_data.get("article") or "").strip()
                key = article_key(article)
                if not key:
                    form.add_error("article", "请填写条款，例如：第十九条。")
                elif key in keys:
                    form.add_error("article", f"“{article}”重复。每一条只需填写一次。")
                keys.add(key)
        return cleaned


class LegalBasisForm(CleanTextFormMixin, WagtailAdminModelForm):
    """A basis as the clerk writes it: a whole citation pasted into 依据名称
    (``《律师法》第十九条：……``) is split into name, 文号, article and text."""

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name") or ""
        reading = read_bases(name)
        if len(reading.citations) > 1:
            self.add_error(
                "name", f"这里填写了 {len(reading.citations)} 个依据，请每个依据单独填写一行。"
            )
        elif len(reading.citations) == 1 and not reading.problems:
            citation = reading.citations[0]
            parts = {
                "document_number": citation.document_number,
                "article": citation.article,
                "article_text": citation.article_text,
            }
            if citation.name != name and all(
                not cleaned.get(field) or cleaned.get(field) == value
                for field, value in parts.items()
                if value
            ):
                cleaned["name"] = citation.name
                for field, value in parts.items():
                    if value:
                        cleaned[field] = value
        if name and not document_key(cleaned.get("name") or ""):
            self.add_error("name", "请填写依据名称，例如：《中华人民共和国律师法》。")
        return cleaned


def validation_errors(form) -> list[str]:
    """Every message of a form and its formsets (for tests and services)."""
    messages = [m for errors in form.errors.values() for m in errors]
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            messages += [m for errors in child.errors.values() for m in errors]
    return messages
