"""Staff forms of cases: open, record the form given, link the letter, withdraw, the
certificate supplied, conclude; the choice tally and the return deadlines."""

from django import forms

from catalog.models import CertificateItem
from catalog.text import CleanTextFormMixin
from permissions.scope import Scope, granted_department_ids

from ..letters.enums import LetterChannel
from ..letters.forms import _date
from .enums import ApplicantChoice, CaseOutcome


def own_items(user, live_only=True):
    items = CertificateItem.objects.filter(
        department_id__in=granted_department_ids(user, Scope.EDIT)
    ).select_related("department")
    return items.filter(live=True) if live_only else items


class ItemField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            queryset=CertificateItem.objects.none(),
            label="证明事项",
            empty_label="请选择本单位已发布的证明事项",
            error_messages={
                "required": "请选择证明事项。",
                "invalid_choice": "只能选择本单位已发布的证明事项，请从列表中选择。",
            },
            **kwargs,
        )

    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.purpose}）"


class CaseOpenForm(CleanTextFormMixin, forms.Form):
    item = ItemField()
    channel = forms.ChoiceField(
        label="申请方式",
        choices=LetterChannel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择申请方式。"},
        help_text="当面递交的，告知承诺书当场发放；信函、传真、电子邮件申请的，"
        "须在收到申请后3个工作日内送达。",
    )
    received_on = _date("收到申请日期")
    reference = forms.CharField(label="受理编号", max_length=60, required=False)
    applicant_id_number = forms.CharField(
        label="申请人证件号码",
        max_length=40,
        required=False,
        help_text="居民身份证号码或统一社会信用代码，仅用于查询失信记录，不在办件中保存。",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = own_items(user).order_by("department__sort_order", "name")


class FormGivenForm(forms.Form):
    given_on = _date("告知承诺书送达日期")


class LinkLetterForm(forms.Form):
    letter = forms.ModelChoiceField(
        label="承诺书",
        queryset=None,
        empty_label="请选择已登记的承诺书",
        error_messages={
            "required": "请选择申请人递交的承诺书（先在“承诺书登记”中登记）。",
            "invalid_choice": "只能关联本单位同一证明事项、尚未关联的承诺书。",
        },
    )

    def __init__(self, *args, letters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["letter"].queryset = letters
        self.fields["letter"].label_from_instance = lambda letter: (
            f"{letter.number_label}，承诺日期 {letter.signed_on:%Y-%m-%d}"
        )


class CaseWithdrawForm(CleanTextFormMixin, forms.Form):
    withdrawn_on = _date("撤回日期")
    reason = forms.CharField(
        label="撤回理由",
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": "请填写撤回理由（申请人提出的理由）。"},
    )


class CertificateForm(forms.Form):
    supplied_on = _date("提交证明日期", help_text="撤回承诺后，申请人按原程序提交证明的日期。")


class ConcludeForm(CleanTextFormMixin, forms.Form):
    concluded_on = _date("办结日期")
    outcome = forms.ChoiceField(
        label="办理结果",
        choices=CaseOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择办理结果（准予、不予或终止办理）。"},
    )
    note = forms.CharField(label="办结说明", required=False, widget=forms.Textarea({"rows": 2}))


def _correction_reason():
    return forms.CharField(
        label="更正理由",
        widget=forms.Textarea({"rows": 2}),
        error_messages={"required": "请填写更正理由（原记录错在哪里、依据什么更正）。"},
        help_text="原记录保留并标明“已更正”，更正记录写明更正人、时间和理由。",
    )


class CorrectConclusionForm(ConcludeForm):
    correction_reason = _correction_reason()


class CorrectWithdrawalForm(CleanTextFormMixin, forms.Form):
    withdrawn_on = _date("撤回日期")
    withdrawal_reason = forms.CharField(
        label="撤回理由",
        widget=forms.Textarea({"rows": 2}),
        error_messages={"required": "请填写撤回理由（申请人提出的理由）。"},
    )
    correction_reason = _correction_reason()


class ChoiceForm(CleanTextFormMixin, forms.Form):
    item = ItemField()
    month = forms.DateField(
        label="月份",
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        error_messages={
            "required": "请填写月份。",
            "invalid": "月份格式不对，请按“2026-03”的格式填写。",
        },
    )
    choice = forms.ChoiceField(
        label="申请人选择",
        choices=ApplicantChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "请选择申请人的选择（告知承诺或提交证明）。"},
    )
    count = forms.IntegerField(
        label="件数",
        help_text="该月按此方式办理的申请件数；更正以前的登记时填负数并选择被更正的记录。",
        error_messages={"required": "请填写件数。", "invalid": "件数应为整数。"},
    )
    corrects = forms.ModelChoiceField(
        label="更正的记录",
        queryset=None,
        required=False,
        empty_label="（不是更正）",
        error_messages={"invalid_choice": "只能更正本单位的登记记录。"},
    )
    note = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args, user, entries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = own_items(user).order_by("department__sort_order", "name")
        self.fields["corrects"].queryset = entries
        self.fields["corrects"].label_from_instance = lambda e: (
            f"{e.item.name} {e.month:%Y-%m} {e.get_choice_display()} {e.count}件"
            f"（{e.recorded_at:%Y-%m-%d}登记）"
        )


class ReturnDeadlineForm(forms.Form):
    item = forms.ModelChoiceField(
        label="证明事项",
        queryset=None,
        required=False,
        empty_label="（本单位默认期限）",
        error_messages={"invalid_choice": "只能为本单位的证明事项设置递交期限。"},
    )
    working_days = forms.IntegerField(
        label="递交期限（工作日）",
        min_value=1,
        max_value=60,
        error_messages={
            "required": "请填写递交期限。",
            "invalid": "递交期限应为整数。",
            "min_value": "递交期限应为1至60个工作日。",
            "max_value": "递交期限应为1至60个工作日。",
        },
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items
        self.fields["item"].label_from_instance = lambda i: f"{i.name}（{i.purpose}）"
