"""Staff forms of false commitments."""

from django import forms

from catalog.text import CleanTextFormMixin

from ..letters.forms import _date
from .enums import MeasureKind


class OpenForm(CleanTextFormMixin, forms.Form):
    summary = forms.CharField(
        label="案情摘要",
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": "请填写案情摘要：承诺的哪些内容经核查不实。"},
    )


class MeasureForm(CleanTextFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label="处理措施",
        choices=[("", "请选择"), *MeasureKind.choices],
        error_messages={"required": "请选择处理措施。"},
    )
    decided_on = _date("决定日期")
    document_number = forms.CharField(
        label="决定文书号",
        max_length=100,
        error_messages={"required": "请填写决定文书号，例如“阿右司罚决字〔2026〕3号”。"},
    )
    responsible_person = forms.CharField(
        label="责任人",
        max_length=50,
        error_messages={"required": "请填写责任人（承办的工作人员）。"},
    )
    rectification_due_on = _date("整改期限", required=False, help_text="责令限期整改时填写。")
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea({"rows": 2}))
    corrects = forms.ModelChoiceField(
        label="更正的措施",
        queryset=None,
        required=False,
        empty_label="（不是更正）",
        error_messages={"invalid_choice": "只能更正本案件中尚未被更正的措施。"},
    )

    def __init__(self, *args, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["corrects"].queryset = measures
        self.fields["corrects"].label_from_instance = lambda m: (
            f"{m.get_kind_display()} {m.document_number}（{m.decided_on:%Y-%m-%d}）"
        )


class FollowUpForm(CleanTextFormMixin, forms.Form):
    measure = forms.ModelChoiceField(
        label="整改措施",
        queryset=None,
        error_messages={
            "required": "请选择跟踪的整改措施。",
            "invalid_choice": "只能跟踪本案件的责令限期整改措施。",
        },
    )
    checked_on = _date("跟踪日期")
    rectified = forms.BooleanField(label="已按期整改", required=False)
    note = forms.CharField(
        label="跟踪情况",
        widget=forms.Textarea({"rows": 2}),
        error_messages={"required": "请填写跟踪情况。"},
    )

    def __init__(self, *args, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures
        self.fields["measure"].label_from_instance = lambda m: (
            f"{m.document_number}，整改期限 {m.rectification_due_on:%Y-%m-%d}"
        )
