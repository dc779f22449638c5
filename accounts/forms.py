from django import forms

from .enums import AuditAction
from .selectors import AuditFilters, object_type_choices


class AuditFilterForm(forms.Form):
    user = forms.CharField(label="用户", required=False, max_length=150)
    action = forms.ChoiceField(label="操作", required=False)
    date_from = forms.DateField(
        label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    object_type = forms.ChoiceField(label="对象类型", required=False)
    object = forms.CharField(label="对象", required=False, max_length=255)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [("", "全部"), *AuditAction.choices]
        self.fields["object_type"].choices = [("", "全部"), *object_type_choices()]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "截止日期不能早于起始日期。")
        return cleaned

    def filters(self) -> AuditFilters:
        """The filters of a valid form (an unbound form shows everything)."""
        if not self.is_bound:
            return AuditFilters()
        data = self.cleaned_data
        return AuditFilters(
            user=data["user"].strip(),
            action=data["action"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            object_type=data["object_type"],
            object=data["object"].strip(),
        )


class UnlockForm(forms.Form):
    username = forms.CharField(label="用户名", required=False, max_length=255)
    ip_address = forms.GenericIPAddressField(label="IP地址", required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("username") and not cleaned.get("ip_address"):
            raise forms.ValidationError("请填写要解锁的用户名或IP地址。")
        return cleaned
