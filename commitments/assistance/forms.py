"""Staff forms of assistance requests."""

from django import forms

from catalog.models import Department
from catalog.text import CleanTextFormMixin

from ..letters.forms import _date
from ..verification.enums import VerificationFinding
from .enums import DEFAULT_ANSWER_WORKING_DAYS, SHAREABLE, ReplyKind


class RequestForm(CleanTextFormMixin, forms.Form):
    assisting_department = forms.ModelChoiceField(
        label="协助单位",
        queryset=Department.objects.all(),
        empty_label="请选择协助单位",
        error_messages={"required": "请选择协助单位。", "invalid_choice": "请从列表中选择单位。"},
    )
    question = forms.CharField(
        label="请求核查的事项",
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": "请写明请求协助核查的具体事项。"},
    )
    fields = forms.MultipleChoiceField(
        label="提供给协助单位的承诺书信息",
        choices=[(key, label) for key, (label, _) in SHAREABLE.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="只勾选协助单位核查所必需的信息；协助单位每次查看都会记录。",
    )
    working_days = forms.IntegerField(
        label="答复期限（工作日）",
        initial=DEFAULT_ANSWER_WORKING_DAYS,
        error_messages={"required": "请填写答复期限。", "invalid": "答复期限应为整数。"},
    )

    def __init__(self, *args, own_department_id, **kwargs):
        super().__init__(*args, **kwargs)
        # The own department is listed so that choosing it gets a clear refusal.
        self.fields["assisting_department"].queryset = Department.objects.order_by(
            "sort_order", "pk"
        )
        self.own_department_id = own_department_id


class ReplyForm(CleanTextFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="答复方式",
        choices=ReplyKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择答复方式（答复核查结果或书面告知不能协助）。"},
    )
    finding = forms.ChoiceField(
        label="核查结果",
        choices=[("", "（书面告知不能协助时不选）"), *VerificationFinding.choices],
        required=False,
    )
    text = forms.CharField(
        label="答复内容或不能协助的理由",
        widget=forms.Textarea({"rows": 3}),
        required=False,
    )
    replied_on = _date("答复日期")
    correct = forms.BooleanField(label="更正上一次答复", required=False)
