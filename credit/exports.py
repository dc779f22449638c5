"""The export for the public credit platform above the banner (the league's or the city's
公共信用信息平台): new and changed records since a date, as JSON or CSV, with the field names of
ADR 018 (the codes of the national 双公示 administrative-penalty data standard where one exists,
else our own, marked).
"""

import csv
import datetime
import io
import json

from django.utils import timezone

from sitesettings.selectors import site_info

from .models import CreditRecord

SUBJECT_KIND_CODES = {"organisation": "法人及非法人组织", "person": "自然人"}
# (field name, Chinese label, value of a record)
FIELDS = [
    ("XDR_MC", "行政相对人名称", lambda r: r.subject_name),
    ("XDR_LB", "行政相对人类别", lambda r: SUBJECT_KIND_CODES[r.subject_kind]),
    ("XDR_SHXYM", "统一社会信用代码", lambda r: r.id_number if r.subject_kind != "person" else ""),
    ("XDR_ZJLX", "证件类型", lambda r: "身份证" if r.subject_kind == "person" else ""),
    ("XDR_ZJHM", "证件号码", lambda r: r.id_number if r.subject_kind == "person" else ""),
    ("SXXW", "失信行为", lambda r: r.get_behaviour_display()),
    ("SXCD", "失信程度", lambda r: r.get_grade_display()),
    ("WSH", "决定文书号", lambda r: r.document_number),
    ("JDRQ", "认定日期", lambda r: r.decided_on.isoformat()),
    ("CFJG", "认定机关", lambda r: r.department.name),
    ("CLCS", "采取的措施", lambda r: r.measures),
    ("GSQSRQ", "公示起始日期", lambda r: r.publicity_start.isoformat()),
    ("GSJZQ", "公示截止期", lambda r: r.publicity_end.isoformat()),
    ("YFGS", "依法公示", lambda r: "是" if r.publicised else "否"),
    ("GSYJ", "公示依据", lambda r: r.legal_basis),
    ("ZT", "状态", lambda r: r.get_state_display()),
    ("SJBS", "数据标识", lambda r: f"ALSYQ-XY-{r.pk}"),
    ("GXSJ", "更新时间", lambda r: timezone.localtime(r.changed_at).isoformat(timespec="seconds")),
]


def changed_since(since: datetime.date):
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    return (
        CreditRecord.objects.filter(changed_at__gte=start)
        .select_related("department")
        .order_by("changed_at", "pk")
    )


def rows(since: datetime.date) -> list[dict]:
    return [{name: value(r) for name, _, value in FIELDS} for r in changed_since(since)]


def _source() -> str:
    """Whose records these are, from the site settings: 鄂托克旗证明事项告知承诺制信用记录."""
    info = site_info()
    return f"{info.government_name}{info.site_title}信用记录"


def as_json(since: datetime.date) -> str:
    return json.dumps(
        {
            "source": _source(),
            "since": since.isoformat(),
            "generated_at": timezone.localtime().isoformat(timespec="seconds"),
            "fields": {name: label for name, label, _ in FIELDS},
            "records": rows(since),
        },
        ensure_ascii=False,
    )


def as_csv(since: datetime.date) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[name for name, _, _ in FIELDS])
    writer.writeheader()
    writer.writerows(rows(since))
    return "\ufeff" + out.getvalue()
