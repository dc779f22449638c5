"""Staff forms of verification: assign a task, record a result with evidence files."""

from django import forms

from catalog.text import CleanTextFormMixin

from ..letters.forms import _date
from .enums import VerificationFinding


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


def _person(label, users):
    field = forms.ModelChoiceField(
        label=label,
        queryset=users,
        empty_label="请选择本单位工作人员",
        error_messages={
            "required": f"请选择{label}。",
            "invalid_choice": f"{label}须是本单位的工作人员。",
        },
    )
    field.label_from_instance = lambda u: u.get_full_name() or u.username
    return field


class AssignForm(forms.Form):
    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"] = _person("核查人", staff)


class ResultForm(CleanTextFormMixin, forms.Form):
    checked_on = _date("核查日期")
    source = forms.CharField(
        label="核查途径",
        max_length=200,
        help_text="查询的数据来源（如全国律师管理系统、政务数据共享平台）或现场核查的地点。",
        error_messages={"required": "请填写核查途径：查询的数据来源或现场核查的地点。"},
    )
    finding = forms.ChoiceField(
        label="核查结果",
        choices=VerificationFinding.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择核查结果（属实、不实、部分不实或无法核实）。"},
    )
    reason = forms.CharField(
        label="结果说明",
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": "请填写结果说明：核查发现的情况和得出结论的理由。"},
    )
    files = MultipleFileField(
        label="核查证据",
        required=False,
        help_text="PDF或JPG、PNG图片，每个文件不超过10MB；图片中的拍摄时间、地点等附加信息会被去除。"
        "证据只向本单位工作人员提供，每次查看都会记录。",
    )
    correct = forms.BooleanField(label="更正上一次核查结果", required=False)

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked_by"] = _person("核查人", staff)
        self.order_fields(["checked_by", "checked_on", "source", "finding", "reason"])
