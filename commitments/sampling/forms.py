"""Staff forms of random inspection."""

from django import forms

from catalog.text import CleanTextFormMixin

from ..letters.forms import _date


class RunForm(CleanTextFormMixin, forms.Form):
    period_start = _date("抽查范围起始日期")
    period_end = _date("抽查范围截止日期")
    percentage = forms.IntegerField(
        label="抽查比例（%）",
        required=False,
        error_messages={"invalid": "抽查比例应为整数。"},
        help_text="抽查比例和抽查件数填一项。",
    )
    count = forms.IntegerField(
        label="抽查件数", required=False, error_messages={"invalid": "抽查件数应为整数。"}
    )
    redoes = forms.ModelChoiceField(
        label="重新抽取的前次抽查",
        queryset=None,
        required=False,
        empty_label="（首次抽查）",
        error_messages={"invalid_choice": "只能选择本单位的前次抽查。"},
    )
    reason = forms.CharField(
        label="说明",
        required=False,
        widget=forms.Textarea({"rows": 2}),
        help_text="再次抽取同一期间时必须说明理由。",
    )

    def __init__(self, *args, runs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["redoes"].queryset = runs
        self.fields["redoes"].label_from_instance = lambda r: (
            f"抽查{r.pk}（{r.period_start:%Y-%m-%d}至{r.period_end:%Y-%m-%d}）"
        )


class InspectorForm(forms.Form):
    member = forms.ModelChoiceField(
        label="工作人员",
        queryset=None,
        empty_label="请选择本单位工作人员",
        error_messages={
            "required": "请选择工作人员。",
            "invalid_choice": "检查人员须是本单位的工作人员。",
        },
    )
    active = forms.TypedChoiceField(
        label="操作",
        choices=[("1", "加入名录"), ("0", "移出名录")],
        coerce=lambda v: v == "1",
        error_messages={"required": "请选择操作。"},
    )

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = staff
        self.fields["member"].label_from_instance = lambda u: u.get_full_name() or u.username
