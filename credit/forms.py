"""Staff forms of the credit register (labels and messages in Chinese)."""

from django import forms

from catalog.models import Department
from catalog.text import CleanTextFormMixin
from commitments.letters.forms import _date
from commitments.verification.forms import MultipleFileField
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .enums import FiledWith, Grade, ObjectionDecision, RepairDecision, SubjectKind
from .models import GradingRule


def _choice(label, choices, **kwargs):
    return forms.ChoiceField(
        label=label,
        choices=[("", "请选择"), *list(choices)],
        error_messages={"required": f"请选择{label}。"},
        **kwargs,
    )


def _text(label, required=True, textarea=False, max_length=None):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 3}) if textarea else None,
        error_messages={"required": f"请填写{label}。"},
    )


class RecordForm(CleanTextFormMixin, forms.Form):
    department = forms.ModelChoiceField(
        label="认定单位",
        queryset=Department.objects.none(),
        empty_label="请选择",
        error_messages={"required": "请选择认定单位。", "invalid_choice": "只能为本单位登记。"},
    )
    subject_kind = _choice("主体类型", SubjectKind.choices)
    subject_name = _text("主体名称（姓名）", max_length=200)
    id_number = _text("证件号码", max_length=40)
    behaviour = forms.ChoiceField(
        label="失信行为",
        choices=lambda: [("", "请选择"), *reader.choices(Vocabulary.CREDIT_BEHAVIOUR)],
        error_messages={"required": "请选择失信行为。"},
    )
    rule = forms.ModelChoiceField(
        label="适用的认定规则",
        queryset=GradingRule.objects.filter(active=True),
        empty_label="请选择",
        error_messages={"required": "请选择适用的失信认定规则。"},
    )
    decided_on = _date("认定日期")
    document_number = _text("决定文书号", max_length=100)
    measures = _text("采取的措施", required=False, textarea=True)
    publicity_start = _date("公示起始日期", required=False, help_text="不填则自认定日期起公示。")
    publicised = forms.BooleanField(label="依法公示（仅限法人和其他组织）", required=False)
    legal_basis = _text("公示的法律依据", required=False, textarea=True)

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
        self.fields["id_number"].help_text = "自然人填写居民身份证号码，组织填写统一社会信用代码。"


class ObjectionForm(CleanTextFormMixin, forms.Form):
    filed_with = _choice("受理机关", FiledWith.choices)
    received_on = _date("收到异议日期")
    statement = _text("异议理由", textarea=True)
    files = MultipleFileField(label="证据材料", required=False)

    def __init__(self, *args, filed_with_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if filed_with_choices is not None:
            self.fields["filed_with"].choices = [("", "请选择"), *filed_with_choices]


class ObjectionDecisionForm(CleanTextFormMixin, forms.Form):
    decision = _choice("处理结果", ObjectionDecision.choices)
    corrected_grade = forms.ChoiceField(
        label="更正后的失信程度", choices=[("", "不更正失信程度"), *Grade.choices], required=False
    )
    reasons = _text("处理理由", textarea=True)
    decided_on = _date("处理日期")
    notified_on = _date("告知申请人日期")
    notified_how = _text("告知方式", max_length=100)


class RepairForm(CleanTextFormMixin, forms.Form):
    applied_on = _date("申请日期")
    rectified = forms.BooleanField(label="已完成整改", required=False)
    credit_commitment = forms.BooleanField(label="已作出信用承诺", required=False)
    training = forms.BooleanField(label="已参加信用修复培训", required=False)
    statement = _text("申请说明", textarea=True)
    files = MultipleFileField(label="证明材料", required=False)


class RepairDecisionForm(CleanTextFormMixin, forms.Form):
    decision = _choice("决定", RepairDecision.choices)
    reasons = _text("决定理由", textarea=True)
    decided_on = _date("决定日期")
