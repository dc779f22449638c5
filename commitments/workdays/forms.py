"""The administrator's form for one year's holidays and make-up working days."""

import datetime
import re

from django import forms
from django.utils import timezone

from commitments.models import HolidayYear

from .calendar import built_in_years

DATE = r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?"
HOLIDAY_LINE = re.compile(rf"^{DATE}(?:\s*(?:至|到|~|～|—|-{{1,2}})\s*{DATE})?\s*(.*)$")
MAKEUP_LINE = re.compile(rf"^{DATE}\s*(.*)$")
WEEKDAYS = "一二三四五六日"
LONGEST_HOLIDAY_DAYS = 15


def _date(y, m, d, n, raw):
    try:
        return datetime.date(int(y), int(m), int(d))
    except ValueError as e:
        raise forms.ValidationError(f"第{n}行“{raw}”中的日期不存在，请检查月份和日期。") from e


class HolidayYearForm(forms.Form):
    year = forms.IntegerField(
        label="年度",
        error_messages={"required": "请填写年度。", "invalid": "年度请填写四位数字，如 2027。"},
    )
    notice = forms.CharField(
        label="依据文件",
        max_length=200,
        help_text="国务院办公厅关于该年部分节假日安排的通知的标题和文号。",
        error_messages={"required": "请填写依据文件（国务院办公厅的通知）。"},
    )
    holidays = forms.CharField(
        label="放假日期",
        widget=forms.Textarea({"rows": 8}),
        help_text="每行一段假期：起始日期 至 结束日期 名称，例如“2027-02-06 至 2027-02-13 春节”；"
        "只放一天的写一个日期，例如“2027-01-01 元旦”。",
        error_messages={"required": "请填写放假日期。"},
    )
    makeup_workdays = forms.CharField(
        label="调休上班日期",
        required=False,
        widget=forms.Textarea({"rows": 5}),
        help_text="每行一个需要上班的周六或周日，例如“2027-02-20 春节调休上班”。没有调休的留空。",
    )

    def __init__(self, *args, editing_year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing_year = editing_year
        if editing_year is not None:
            self.fields["year"].disabled = True
            self.fields["year"].initial = editing_year

    def clean_year(self):
        year = self.cleaned_data["year"]
        this_year = timezone.localdate().year
        if self.editing_year is None and HolidayYear.objects.filter(year=year).exists():
            raise forms.ValidationError(f"{year}年的安排已经录入，如需更正请在列表中点“修改”。")
        if year in built_in_years():
            raise forms.ValidationError(f"系统已内置{year}年的节假日安排，无需录入。")
        if not 2000 <= year <= this_year + 2:
            raise forms.ValidationError(
                f"只能录入{this_year + 2}年以前的安排（国务院通常在上一年年底公布）。"
            )
        return year

    def _lines(self, field):
        text = self.cleaned_data.get(field) or ""
        return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]

    def clean_holidays(self):
        days: list[tuple[datetime.date, str]] = []
        errors = []
        for n, line in self._lines("holidays"):
            match = HOLIDAY_LINE.match(line)
            if not match:
                errors.append(f"第{n}行“{line}”看不懂：请写“2027-02-06 至 2027-02-13 春节”。")
                continue
            try:
                start = _date(*match.group(1, 2, 3), n, line)
                end = _date(*match.group(4, 5, 6), n, line) if match.group(4) else start
            except forms.ValidationError as e:
                errors.extend(e.messages)
                continue
            if end < start:
                errors.append(f"第{n}行的结束日期早于起始日期。")
                continue
            if (end - start).days >= LONGEST_HOLIDAY_DAYS:
                errors.append(f"第{n}行的假期超过{LONGEST_HOLIDAY_DAYS}天，请检查起止日期。")
                continue
            name = match.group(7).strip()
            day = start
            while day <= end:
                days.append((day, name))
                day += datetime.timedelta(days=1)
        if errors:
            raise forms.ValidationError(errors)
        return days

    def clean_makeup_workdays(self):
        days: list[tuple[datetime.date, str]] = []
        errors = []
        for n, line in self._lines("makeup_workdays"):
            match = MAKEUP_LINE.match(line)
            if not match:
                errors.append(f"第{n}行“{line}”看不懂：请写“2027-02-20 春节调休上班”。")
                continue
            try:
                day = _date(*match.group(1, 2, 3), n, line)
            except forms.ValidationError as e:
                errors.extend(e.messages)
                continue
            if day.weekday() < 5:
                errors.append(
                    f"第{n}行：{day:%Y-%m-%d}是星期{WEEKDAYS[day.weekday()]}，"
                    "本来就要上班，调休上班日应为周六或周日。"
                )
                continue
            days.append((day, match.group(4).strip()))
        if errors:
            raise forms.ValidationError(errors)
        return days

    def clean(self):
        cleaned = super().clean()
        year = self.editing_year or cleaned.get("year")
        holidays = cleaned.get("holidays") or []
        makeup = cleaned.get("makeup_workdays") or []
        if year is None:
            return cleaned
        for field, days in (("holidays", holidays), ("makeup_workdays", makeup)):
            outside = sorted({d for d, _ in days if d.year != year})
            if outside:
                self.add_error(
                    field,
                    f"以下日期不在{year}年内：{'、'.join(f'{d:%Y-%m-%d}' for d in outside)}。",
                )
            seen = [d for d, _ in days]
            repeated = sorted({d for d in seen if seen.count(d) > 1})
            if repeated:
                self.add_error(
                    field, f"以下日期重复填写：{'、'.join(f'{d:%Y-%m-%d}' for d in repeated)}。"
                )
        both = sorted({d for d, _ in holidays} & {d for d, _ in makeup})
        if both:
            self.add_error(
                "makeup_workdays",
                f"以下日期既是放假又是调休上班：{'、'.join(f'{d:%Y-%m-%d}' for d in both)}。",
            )
        return cleaned
