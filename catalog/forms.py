"""The admin edit form of a certificate item."""

from copy import copy

from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import Panel, TabbedInterface

from permissions.policy import departments_user_can_edit
from permissions.scope import ALL, Scope, department_ids

from . import extra_fields
from .legal.forms import read_basis_form
from .legal.models import LegalDocument
from .legal.registry import Registry, bases_link
from .text import CleanTextFormMixin, clean_form_fields
from .validation import publication_errors

SUBMITTING_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow")


def scope_identity_fields(form, for_user, name_label: str) -> None:
    """The department and name of a reviewed record, as every form of one asks for them.

    The department offers only the user's own (preselected when there is just one), and the
    name is required even for a draft: a nameless draft cannot be found or told apart later.
    """
    if for_user is not None and "department" in form.fields:
        field = form.fields["department"]
        field.queryset = departments_user_can_edit(for_user)
        if form.instance.department_id is not None:
            # A leader or reviewer opening the form to decide on it sees the record's own
            # department (saving stays refused to them by the permission policy).
            departments = field.queryset.model._default_manager
            field.queryset = field.queryset | departments.filter(pk=form.instance.department_id)
        field.empty_label = "请选择实施机关"
        field.error_messages["required"] = "请选择实施机关（保存草稿时也需要）。"
        own = department_ids(for_user, Scope.EDIT)
        if own is not ALL and len(own) == 1 and form.instance.department_id is None:
            form.initial["department"] = next(iter(own))
    if "name" in form.fields:
        form.fields["name"].error_messages["required"] = (
            f"请填写{name_label}（保存草稿时也需要，否则在列表中无法辨认）。"
        )


class CertificateItemForm(CleanTextFormMixin, WagtailAdminModelForm):
    """Limits the department to the user's own and applies the submission rules on submit."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        scope_identity_fields(self, for_user, "证明名称")
        self.fields["excluded_category"].required = False
        self.add_extra_fields()

    def add_extra_fields(self) -> None:
        """One form field per active extra field definition (ADR 020), filled from the
        version being edited; the values of retired definitions are kept as they are."""
        self.extra_definitions = extra_fields.definitions()
        stored = self.instance.extra_values or {}
        added = {}
        for definition in self.extra_definitions:
            name = extra_fields.form_name(definition)
            added[name] = extra_fields.form_field(definition)
            self.initial.setdefault(
                name, extra_fields.form_initial(definition, stored.get(definition.key))
            )
        clean_form_fields(added)
        self.fields.update(added)

    @property
    def extra_field_names(self) -> list[str]:
        return [extra_fields.form_name(d) for d in self.extra_definitions]

    def _read_extra_values(self) -> None:
        values = dict(self.instance.extra_values or {})
        for definition in self.extra_definitions:
            name = extra_fields.form_name(definition)
            if name in self.errors:
                return
            value = self.cleaned_data.get(name)
            if extra_fields.is_empty(value):
                values.pop(definition.key, None)
            else:
                values[definition.key] = value
        self.instance.extra_values = values

    @property
    def is_submitting(self) -> bool:
        return any(self.data.get(name) for name in SUBMITTING_ACTIONS)

    def clean(self):
        cleaned = super().clean()
        self._read_extra_values()
        formset = self.formsets.get("legal_bases")
        if formset is not None and formset.is_valid():
            registry = Registry()
            for form in formset.forms:
                if form.cleaned_data and not form.cleaned_data.get("DELETE"):
                    read_basis_form(form, registry)
        if not self.is_submitting or self.errors:
            return cleaned
        bases = []
        if formset is not None and formset.is_valid():
            bases = [
                f.cleaned_data
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
        candidate = construct_instance(self, copy(self.instance))
        for field, messages in publication_errors(candidate, legal_bases=bases).items():
            target = None if field == "__all__" or field not in self.fields else field
            for message in messages:
                self.add_error(target, ValidationError(message))
        return cleaned

    def save(self, commit=True):
        """Link every legal basis to its registry document before the revision is written: a
        basis without a chosen document is matched by name, or its document is created
        unverified for the justice bureau to confirm (``catalog.legal``)."""
        formset = self.formsets.get("legal_bases")
        if formset is not None:
            forms = [
                f
                for f in formset.forms
                if getattr(f, "cleaned_data", None)
                and not f.cleaned_data.get("DELETE")
                and not f.cleaned_data.get("document")
            ]
            rows = bases_link([f.cleaned_data for f in forms], user=self.for_user)
            for form, row in zip(forms, rows, strict=True):
                form.instance.document = LegalDocument.objects.get(pk=row["document_id"])
        return super().save(commit=commit)


class ExtraFieldsPanel(Panel):
    """The extra fields of the item form (added by ``CertificateItemForm.add_extra_fields``),
    each with its label, help text and errors; nothing when no field is defined. The read
    view asks it for the values (``read_entries``)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalog/admin/extra_fields_panel.html"

        @property
        def fields(self):
            names = getattr(self.form, "extra_field_names", [])
            return [self.form[name] for name in names]

        def is_shown(self):
            return bool(self.fields)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["fields"] = self.fields
            return context

    def read_entries(self, obj) -> list[tuple[str, str]]:
        return [(v.label, v.text) for v in extra_fields.labelled(obj.extra_values)]


class ItemTabs(TabbedInterface):
    """The item form's tabs; the extra fields are rendered by ``ExtraFieldsPanel``, not again
    at the end as fields no panel claimed."""

    class BoundPanel(TabbedInterface.BoundPanel):
        def render_missing_fields(self):
            names = set(getattr(self.form, "extra_field_names", []))
            kept = {n: f for n, f in self.form.fields.items() if n not in names}
            removed = {n: f for n, f in self.form.fields.items() if n in names}
            self.form.fields = kept
            try:
                return super().render_missing_fields()
            finally:
                self.form.fields = {**kept, **removed}
