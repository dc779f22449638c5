"""The admin edit form of a certificate item."""

from copy import copy

from django.core.exceptions import ValidationError
from django.forms.models import construct_instance
from wagtail.admin.forms import WagtailAdminModelForm

from permissions.policy import departments_user_can_edit

from .validation import publication_errors

SUBMITTING_ACTIONS = ("action-submit", "action-publish", "action-restart-workflow")


class CertificateItemForm(WagtailAdminModelForm):
    """Limits the department to the user's own and applies the submission rules on submit."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None and "department" in self.fields:
            self.fields["department"].queryset = departments_user_can_edit(for_user)
            self.fields["department"].empty_label = "请选择实施机关"
        self.fields["excluded_category"].required = False

    @property
    def is_submitting(self) -> bool:
        return any(self.data.get(name) for name in SUBMITTING_ACTIONS)

    def clean(self):
        cleaned = super().clean()
        if not self.is_submitting or self.errors:
            return cleaned
        formset = self.formsets.get("legal_bases")
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
