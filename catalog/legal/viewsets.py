"""The admin of the registry (法律文件库): a snippet listing, edit form, read view and usage.

Reviewers (the justice bureau) add, correct, confirm and mark documents; every other admin user
reads them. The snippet's own chooser is kept without a form widget: the chooser editors use in
the item form finds documents by any alias in Chinese or pinyin and is registered by the
search app (``search.legal_chooser``), which holds the pinyin analysis.
"""

from functools import cached_property

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
)

from vocabularies.filters import VocabularyFilterSet

from ..enums import DocumentStatus
from ..inspect import display_value
from .forms import LegalDocumentForm
from .models import LegalDocument
from .services import user_may_manage_registry


class RegistryChooserViewSet(SnippetChooserViewSet):
    """The snippet chooser, without taking over the form widget (see the module)."""

    register_widget = False


class StatusColumn(Column):
    cell_template_name = "catalog/legal/status_cell.html"

    def get_value(self, instance):
        return instance


class CitationsColumn(Column):
    cell_template_name = "catalog/legal/citations_cell.html"

    def get_value(self, instance):
        return {
            "live": getattr(instance, "live_citations", 0),
            "url": reverse(instance.snippet_viewset.get_url_name("usage"), args=[instance.pk]),
        }


class HistoryColumn(Column):
    cell_template_name = "catalog/admin/history_link_cell.html"

    def get_value(self, instance):
        return reverse("legal_document_history", args=[instance.pk])


class RegistryIndexView(IndexView):
    base_filterset_class = VocabularyFilterSet  # 效力层级: a choice of the terms

    def get_base_queryset(self):
        return super().get_base_queryset().with_citation_counts()

    def search_queryset(self, queryset):
        """By full name, 文号, issuing body or any short name."""
        return super().search_queryset(queryset).distinct()

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        user = self.request.user
        if user_may_manage_registry(user):
            buttons.append(
                HeaderButton("导入表格", url=reverse("legal_documents_import"), icon_name="upload")
            )
        buttons.append(
            HeaderButton(
                "导出表格",
                url=reverse("legal_documents_export") + "?format=xlsx",
                icon_name="download",
            )
        )
        buttons.append(
            HeaderButton("依据变更待复核", url=reverse("review_flags"), icon_name="warning")
        )
        return buttons


def _document_buttons(document, user) -> list[HeaderButton]:
    buttons = [
        HeaderButton(
            "变更记录",
            url=reverse("legal_document_history", args=[document.pk]),
            icon_name="history",
        )
    ]
    if user_may_manage_registry(user):
        buttons.insert(
            0,
            HeaderButton(
                "标记修改或废止",
                url=reverse("legal_document_status", args=[document.pk]),
                icon_name="warning",
            ),
        )
        if not document.verified:
            buttons.insert(
                0,
                HeaderButton(
                    "确认该文件",
                    url=reverse("legal_document_verify", args=[document.pk]),
                    icon_name="check",
                ),
            )
    return buttons


class RegistryEditView(EditView):
    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *_document_buttons(self.object, self.request.user)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["document_status"] = self.object
        return context


class RegistryInspectView(InspectView):
    """The read view: the fields, the short names, the articles with their text."""

    template_name = "catalog/legal/inspect.html"

    def get_field_display_value(self, field_name, field):
        # Chinese for every value: 是/否, 未填写 for what is empty, local times.
        return display_value(self.object, field)

    @cached_property
    def header_buttons(self):
        return [*super().header_buttons, *_document_buttons(self.object, self.request.user)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["document"] = self.object
        context["aliases"] = list(self.object.aliases.all())
        context["articles"] = list(self.object.articles.all())
        context["status_choices"] = DocumentStatus
        return context


class RegistryDeleteView(DeleteView):
    """A document cited by any item's current row cannot be deleted (also enforced by the
    database: ``LegalBasis.document`` is ``PROTECT``)."""

    def post(self, request, *args, **kwargs):
        count = self.object.citations.values("item").distinct().count()
        if count:
            return self._refuse(request, count)
        try:
            return super().post(request, *args, **kwargs)
        except ProtectedError:
            return self._refuse(request, self.object.citations.values("item").distinct().count())

    def _refuse(self, request, count):
        messages.error(
            request,
            f"不能删除{self.object}：有 {count} 个证明事项引用了它。"
            "如果该文件已修改或废止，请使用“标记修改或废止”。",
        )
        return redirect(self.get_success_url())


class LegalDocumentViewSet(SnippetViewSet):
    model = LegalDocument
    icon = "doc-full"
    menu_label = "法律文件库"
    menu_name = "legal_documents"
    menu_order = 210
    add_to_admin_menu = True
    search_backend_name = None
    search_fields = ["name", "aliases__name", "document_number", "issuing_body"]
    list_display = [
        "name",
        "document_number",
        "legal_level",
        StatusColumn("status", label="时效性"),
        CitationsColumn("citations", label="引用的已发布事项"),
        HistoryColumn("history", label="变更记录"),
    ]
    list_filter = ["legal_level", "status", "verified"]
    list_export = [
        "name",
        "document_number",
        "issuing_body",
        "legal_level",
        "status",
        "promulgated_on",
        "effective_on",
        "amended_on",
        "repealed_on",
        "verified",
    ]
    ordering = ["verified", "name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "document_number",
        "issuing_body",
        "legal_level",
        "promulgated_on",
        "effective_on",
        "status",
        "amended_on",
        "repealed_on",
        "status_note",
        "verified",
        "verified_by",
        "verified_at",
        "created_at",
        "updated_at",
    ]
    index_view_class = RegistryIndexView
    edit_view_class = RegistryEditView
    inspect_view_class = RegistryInspectView
    delete_view_class = RegistryDeleteView
    chooser_viewset_class = RegistryChooserViewSet
    edit_handler = ObjectList(LegalDocument.panels, base_form_class=LegalDocumentForm)
