"""Staff forms of signed letters: register, withdraw, record that the form was sent."""

from django import forms

from catalog.models import CertificateItem
from catalog.text import CleanTextFormMixin
from permissions.scope import Scope, granted_department_ids

from .enums import ApplicantKind, LetterChannel, OrganisationIdType, PersonIdType
from .services import letter_errors

DATE_ERRORS = {
    "invalid": "日期不存在或格式不对，请按“2026-03-15”的格式填写真实存在的日期。",
}


def _date(label, required=True, help_text=""):
    messages = dict(DATE_ERRORS, required=f"请填写{label}。")
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=messages,
    )


def _text(label, max_length=100, **kwargs):
    return forms.CharField(label=label, max_length=max_length, required=False, **kwargs)


def _choice(label, choices):
    return forms.ChoiceField(label=label, choices=[("", "请选择"), *choices], required=False)


class LetterRegisterForm(CleanTextFormMixin, forms.Form):
    item = forms.ModelChoiceField(
        label="证明事项",
        queryset=CertificateItem.objects.none(),
        error_messages={
            "required": "请选择证明事项。",
            "invalid_choice": "只能登记本单位证明事项的承诺书，请从列表中选择。",
        },
    )
    applicant_kind = forms.ChoiceField(
        label="申请人类型",
        choices=ApplicantKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择申请人类型（自然人或法人）。"},
    )
    person_name = _text("姓名")
    person_id_type = _choice("证件类型", PersonIdType.choices)
    person_id_number = _text("证件编号", 40)
    person_phone = _text("联系方式", 30)
    organisation_name = _text("单位名称", 200)
    organisation_id_type = _choice("证件类型", OrganisationIdType.choices)
    organisation_id_number = _text("证号", 40)
    legal_representative = _text("法定代表人（负责人）")
    organisation_address = _text("地址", 300)
    organisation_phone = _text("联系方式", 30)
    agent_name = _text("姓名", help_text="由受托代理人代为承诺时填写。")
    agent_id_type = _choice("证件类型", PersonIdType.choices)
    agent_id_number = _text("证件编号", 40)
    agent_phone = _text("联系方式", 30)
    channel = forms.ChoiceField(
        label="申请方式",
        choices=LetterChannel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择申请方式。"},
        help_text="信函、传真、电子邮件申请的，告知承诺书须在收到申请后3个工作日内送达申请人。",
    )
    received_on = _date("收到申请日期")
    form_sent_on = _date(
        "告知承诺书送达日期", required=False, help_text="信函、传真、电子邮件申请时填写。"
    )
    signed_on = _date("承诺日期", help_text="申请人在承诺书上签署的日期。")
    conditions_statement = forms.CharField(
        label="申请人写明的符合条件情况",
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text="承诺书第三部分（二）“具体是”一栏的内容。只在本单位内部可见，不公开。",
    )
    disclose = forms.BooleanField(
        label="按告知承诺书第（九）项公开本承诺书",
        required=False,
        help_text="证明事项规定公开承诺书的必须勾选，规定不公开的不能勾选；"
        "公开时隐去证件号码、联系方式和详细地址，自然人只显示姓氏。",
    )

    PERSON = ("person_name", "person_id_type", "person_id_number", "person_phone")
    ORGANISATION = (
        "organisation_name",
        "organisation_id_type",
        "organisation_id_number",
        "legal_representative",
        "organisation_address",
        "organisation_phone",
    )
    AGENT = ("agent_name", "agent_id_type", "agent_id_number", "agent_phone")

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        items = CertificateItem.objects.filter(
            department_id__in=granted_department_ids(user, Scope.EDIT)
        ).select_related("department")
        # Every item of the user's departments validates (so that an unpublished one gets a
        # clear message); only published ones are offered.
        self.fields["item"].queryset = items
        published = list(items.filter(live=True).order_by("department__sort_order", "name"))
        several = len({i.department_id for i in published}) > 1
        self.fields["item"].choices = [("", "请选择本单位已发布的证明事项")] + [
            (i.pk, f"{i.name}（{i.purpose}）" + (f" — {i.department.name}" if several else ""))
            for i in published
        ]

    def group(self, names):
        return [self[name] for name in names]

    def clean(self):
        cleaned = super().clean()
        item = cleaned.get("item")
        if item is None:
            return cleaned
        errors = letter_errors(item=item, fields=cleaned, disclose=cleaned.get("disclose", False))
        for field, messages in errors.items():
            if field in self.errors:
                continue  # the field's own error (e.g. an impossible date) says it already
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
        return cleaned


class LetterWithdrawForm(CleanTextFormMixin, forms.Form):
    withdrawn_on = _date("撤回日期")
    reason = forms.CharField(
        label="撤回理由",
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": "请填写撤回理由（申请人提出的理由）。"},
    )


class LetterFormSentForm(forms.Form):
    sent_on = _date("告知承诺书送达日期")
