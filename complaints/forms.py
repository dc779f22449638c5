"""The public complaint and lookup forms, and the handlers' forms in the admin."""

from django import forms

from catalog.models import CertificateItem, Department
from catalog.text import CleanTextFormMixin
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .attachments import MAX_FILES
from .enums import AnswerChannel, ComplaintKind

HONEYPOT = "website"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class ComplaintForm(CleanTextFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="投诉举报类型",
        choices=lambda: reader.choices(Vocabulary.COMPLAINT_KIND),
        widget=forms.RadioSelect,
        error_messages={"required": "请选择投诉举报的类型。"},
    )
    department = forms.ModelChoiceField(
        label="被投诉的单位",
        queryset=Department.objects.order_by("name"),
        empty_label="请选择",
        error_messages={
            "required": "请选择被投诉的单位。",
            "invalid_choice": "请选择被投诉的单位。",
        },
    )
    item = forms.ModelChoiceField(
        label="涉及的证明事项（可不填）",
        queryset=CertificateItem.objects.live().order_by("department__name", "name"),
        required=False,
        empty_label="不填",
        error_messages={"invalid_choice": "该证明事项不存在或未发布，请重新选择或不填。"},
    )
    letter_number = forms.CharField(
        label="承诺书编号（知道的请填写）",
        max_length=60,
        required=False,
        help_text="例如：（2026年）第12号",
    )
    description = forms.CharField(
        label="具体情况",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        help_text="请写明时间、地点（窗口）、经过和您的诉求，最多5000字。",
        error_messages={
            "required": "请写明具体情况。",
            "max_length": "内容不能超过5000个字，请精简，或作为附件上传。",
        },
    )
    attachments = MultipleFileField(
        label="附件（可不传）",
        required=False,
        help_text=f"JPG、PNG图片或PDF文件，最多{MAX_FILES}个，每个不超过5MB、合计不超过10MB；"
        "图片中的拍摄地点等信息会被去除。",
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )
    contact_name = forms.CharField(label="姓名（可不填）", max_length=50, required=False)
    contact_phone = forms.CharField(
        label="联系电话（可不填）",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    contact_email = forms.EmailField(
        label="电子邮箱（可不填）",
        required=False,
        help_text="填写后，受理编号、查询码和答复会发送到该邮箱。",
        error_messages={"invalid": "请填写正确的电子邮箱地址。"},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    website = forms.CharField(
        label="网址（请勿填写）",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, report=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        if report:
            self.fields["kind"].choices = [
                (
                    ComplaintKind.FALSE_COMMITMENT,
                    reader.label(Vocabulary.COMPLAINT_KIND, ComplaintKind.FALSE_COMMITMENT),
                )
            ]
            self.fields["kind"].initial = ComplaintKind.FALSE_COMMITMENT
            self.fields["department"].label = "作出承诺所涉的单位"
            self.fields[
                "description"
            ].help_text = "请写明被举报人、承诺的内容和您了解到的不实情况，最多5000字。"
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs.setdefault("aria-describedby", f"id_{name}_help")

    def honeypot_filled(self) -> bool:
        return bool((self.data.get(HONEYPOT) or "").strip())

    def contact_key(self) -> str:
        """The contact the per-contact limit counts (phone digits or the e-mail address)."""
        phone = "".join(ch for ch in (self.data.get("contact_phone") or "") if ch.isdigit())
        email = (self.data.get("contact_email") or "").strip().lower()
        return phone or email


class LookupForm(forms.Form):
    number = forms.CharField(
        label="受理编号",
        max_length=20,
        help_text="例如：TS2026-000123",
        error_messages={"required": "请填写受理编号。"},
    )
    code = forms.CharField(
        label="查询码",
        max_length=20,
        error_messages={"required": "请填写查询码。"},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


# ---- the admin (handlers) --------------------------------------------------------------


class InvestigationForm(CleanTextFormMixin, forms.Form):
    investigation = forms.CharField(label="调查情况", widget=forms.Textarea(attrs={"rows": 4}))
    finding = forms.CharField(
        label="调查结论", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    measures = forms.CharField(
        label="处理措施", widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class AnswerForm(CleanTextFormMixin, forms.Form):
    answer = forms.CharField(label="答复内容", widget=forms.Textarea(attrs={"rows": 4}))
    answered_on = forms.DateField(label="答复日期", widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label="答复方式", choices=AnswerChannel.choices)


class RejectForm(CleanTextFormMixin, forms.Form):
    reason = forms.CharField(label="不予受理理由", widget=forms.Textarea(attrs={"rows": 3}))
    answered_on = forms.DateField(label="告知日期", widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.ChoiceField(label="告知方式", choices=AnswerChannel.choices)


class TransferForm(CleanTextFormMixin, forms.Form):
    to_department = forms.ModelChoiceField(
        label="转至单位", queryset=Department.objects.order_by("name"), empty_label="请选择"
    )
    reason = forms.CharField(label="转办理由", widget=forms.Textarea(attrs={"rows": 2}))
