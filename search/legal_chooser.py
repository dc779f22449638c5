"""The chooser editors pick a registry document with (法律文件库, ``catalog.legal``).

It finds a document by any of its names – the full name, a short name or alias, the 文号 –
typed in Chinese (simplified or traditional, any width), in full pinyin (``lvshifa``) or in
initials (``lsf``). The pinyin readings come from this app's text analysis (``analysis``);
the chooser is registered from here, and its widget replaces the plain select of
``LegalBasis.document`` in the item form, so the catalog never imports the search app
(docs/adr/016-legal-bases-and-registry.md).
"""

import functools

from django import forms
from django.db.models import Case, IntegerField, Value, When
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from catalog.legal.models import LegalDocument, LegalDocumentName

from .analysis import MAX_QUERY_LENGTH, clean_query, normalize, run_syllables, runs


@functools.lru_cache(maxsize=20_000)
def readings(name: str) -> tuple[str, str, str]:
    """(text, full pinyin, initials) of a name: 中华人民共和国律师法 →
    (中华人民共和国律师法, zhonghuarenmingongheguolvshifa, zhrmghglsf)."""
    text, pinyin, initials = [], [], []
    for kind, run in runs(normalize(name)):
        text.append(run)
        if kind == "han":
            syllables = [s for s in run_syllables(run) if s]
            pinyin += syllables
            initials += [s[0] for s in syllables]
        else:
            pinyin.append(run)
            initials.append(run)
    return "".join(text), "".join(pinyin), "".join(initials)


def _term_matches(term: str, name: str) -> bool:
    text, pinyin, initials = readings(name)
    if term in text:
        return True
    return term.isascii() and term.isalpha() and (term in pinyin or term in initials)


def matching_documents(query: str) -> list[int]:
    """Ids of the documents one of whose names matches every term of ``query``, those with a
    name equal to the query first."""
    terms = ["".join(run for _kind, run in runs(normalize(t))) for t in query.split()]
    terms = [t for t in terms if t]
    if not terms:
        return []
    names: dict[int, list[str]] = {}
    for pk, name, number in LegalDocument.objects.values_list("pk", "name", "document_number"):
        names.setdefault(pk, []).extend([name, number])
    for document_id, name in LegalDocumentName.objects.values_list("document_id", "name"):
        names.setdefault(document_id, []).append(name)
    found = []
    for pk, document_names in names.items():
        if all(any(_term_matches(t, n) for n in document_names if n) for t in terms):
            exact = any(readings(n)[0] == "".join(terms) for n in document_names if n)
            found.append((not exact, pk))
    return [pk for _exact, pk in sorted(found)]


class RegistrySearchForm(BaseFilterForm):
    q = forms.CharField(
        label="搜索",
        required=False,
        max_length=MAX_QUERY_LENGTH * 4,
        widget=forms.TextInput(attrs={"placeholder": "名称、简称、文号或拼音，如 律师法 / lsf"}),
    )

    def filter(self, objects):
        query = clean_query(self.cleaned_data.get("q"))
        if not query:
            return objects
        self.is_searching, self.search_query = True, query
        ids = matching_documents(query)
        order = Case(
            *(When(pk=pk, then=Value(n)) for n, pk in enumerate(ids)),
            output_field=IntegerField(),
        )
        return objects.filter(pk__in=ids).order_by(order)


class _Columns:
    filter_form_class = RegistrySearchForm

    def get_object_list(self):
        return LegalDocument.objects.order_by("-verified", "name")

    @property
    def columns(self):
        return [
            *super().columns,
            Column("document_number", label="文号"),
            Column("legal_level", label="效力层级", accessor="get_legal_level_display"),
            Column("status", label="时效性", accessor=_status),
        ]


def _status(document) -> str:
    status = document.get_status_display()
    return status if document.verified else f"{status}（待确认）"


class RegistryChooseView(_Columns, ChooseView):
    pass


class RegistryChooseResultsView(_Columns, ChooseResultsView):
    pass


class LegalDocumentChooserViewSet(ChooserViewSet):
    model = LegalDocument
    icon = "doc-full"
    choose_one_text = "选择法律文件"
    choose_another_text = "另选法律文件"
    edit_item_text = "查看法律文件"
    page_title = "选择法律文件"
    per_page = 20
    choose_view_class = RegistryChooseView
    choose_results_view_class = RegistryChooseResultsView


legal_document_chooser_viewset = LegalDocumentChooserViewSet(
    "legal_document_chooser", url_prefix="legal-documents/choose"
)
