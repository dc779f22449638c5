"""The admin edit form of a service guide, and the material → certificate item field."""

from copy import copy

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from wagtail.admin.forms import WagtailAdminModelForm

from catalog.forms import SUBMITTING_ACTIONS, scope_identity_fields
from catalog.text import CleanTextFormMixin
from catalog.validation import NO_MATERIALS, NO_STEPS, guide_publication_errors


class PublishedItemChoiceField(forms.ModelChoiceField):
    """Published certificate items, labelled with their department and purpose."""

    default_error_messages = {
        "invalid_choice": "所选证明事项未发布或已从目录中撤回，请重新选择。",
    }

    def __init__(self, queryset, **kwargs):
        queryset = queryset.filter(live=True).select_related("department")
        kwargs.setdefault("empty_label", "（不对应证明事项）")
        super().__init__(queryset, **kwargs)

    def label_from_instance(self, obj):
        return f"{obj.department.name}：{obj.name}（{obj.purpose}）"


class ServiceGuideForm(CleanTextFormMixin, WagtailAdminModelForm):
    """Limits the department to the user's own and applies the completeness rules on submit."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        scope_identity_fields(self, for_user, "事项名称")

    @property
    def is_submitting(self) -> bool:
        return any(self.data.get(name) for name in SUBMITTING_ACTIONS)

    def _rows(self, relation):
        """The child forms kept by the editor (not deleted, not blank), with their instances."""
        formset = self.formsets.get(relation)
        if formset is None or not formset.is_valid():
            return [], []
        kept = [
            f
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.instance is not None
        ]
        kept.sort(key=lambda f: f.cleaned_data.get("ORDER") or 0)
        return kept, [f.instance for f in kept]

    def clean(self):
        cleaned = super().clean()
        if not self.is_submitting or self.errors:
            return cleaned
        material_forms, materials = self._rows("materials")
        step_forms, steps = self._rows("steps")
        child_forms = {"materials": material_forms, "steps": step_forms}
        candidate = construct_instance(self, copy(self.instance))
        errors = guide_publication_errors(candidate, materials=materials, steps=steps)
        for relation, missing in (("materials", NO_MATERIALS), ("steps", NO_STEPS)):
            formset = self.formsets.get(relation)
            if formset is not None and not formset.is_valid():
                # the rows' own errors come first; their completeness is checked once they parse
                errors = {
                    key: [m for m in messages if m != missing]
                    for key, messages in errors.items()
                    if not key.startswith(f"{relation}-")
                }
        errors = {key: messages for key, messages in errors.items() if messages}
        for key, messages in errors.items():
            relation, _, rest = key.partition("-")
            if relation in child_forms and rest:
                index, _, field = rest.partition("-")
                child = child_forms[relation][int(index)]
                for message in messages:
                    child.add_error(field if field in child.fields else None, message)
                # the child's error makes the form invalid; repeat it at the top for the tab
                self.add_error(None, ValidationError(messages[0]))
                continue
            target = key if key in self.fields else None
            for message in messages:
                self.add_error(target, ValidationError(message))
        return cleaned
