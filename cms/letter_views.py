"""Public pages of disclosed signed letters: list, detail, RSS feed, CSV export.

Everything here reads ``commitments.letters.selectors`` and receives ``PublicLetter`` objects,
which hold masked personal data only.
"""

import csv
import io

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from catalog.models import CertificateItem, Department
from catalog.text import clean_line
from commitments.letters.selectors import (
    disclosed_letters,
    item_disclosure,
    public_letter,
    public_letters,
)
from sitesettings.selectors import site_info

from .feeds import CleanRss201rev2Feed

PAGE_SIZE = 50
EXPORT_COLUMNS = [
    ("编号", lambda p: p.number_label),
    ("实施机关", lambda p: p.department_name),
    ("证明事项", lambda p: p.item_name),
    ("申请事项", lambda p: p.item_purpose),
    ("申请人类型", lambda p: p.applicant_kind),
    ("申请人", lambda p: p.applicant),
    ("法定代表人（负责人）", lambda p: p.legal_representative),
    ("地址（至苏木镇）", lambda p: p.address),
    ("受托代理人", lambda p: p.agent),
    ("承诺日期", lambda p: f"{p.signed_on:%Y-%m-%d}"),
    ("公开截止日期", lambda p: f"{p.disclosed_until:%Y-%m-%d}"),
]


def _int(value):
    try:
        return int(value) if value else None
    except ValueError:
        return None


def letter_list(request):
    department_id = _int(request.GET.get("department"))
    item_id = _int(request.GET.get("item"))
    item = CertificateItem.objects.live().filter(pk=item_id).first() if item_id else None
    notice = ""
    if item_id and item is None:
        notice = "该证明事项不存在或未发布。"
    elif item is not None and item_disclosure(item) == "none":
        notice = f"“{item.name}”的承诺书不公开。"
    elif item is not None and item_disclosure(item) == "interested_parties":
        notice = (
            f"“{item.name}”的承诺书只向利害关系人公开，不在网站上公布；"
            f"如需查阅，请联系{item.department.name}。"
        )
    page = Paginator(
        disclosed_letters(department_id=department_id, item_id=item_id) if not notice else [],
        PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "public/letters.html",
        {
            "page": page,
            "letters": public_letters(page.object_list),
            "item": item,
            "notice": notice,
            "departments": Department.objects.filter(
                pk__in=disclosed_letters().values("department_id")
            ),
            "department_id": department_id,
        },
    )


def letter_detail(request, pk):
    letter = public_letter(pk)
    if letter is None:
        raise Http404("该承诺书不存在、未公开或公开期限已满")
    return render(request, "public/letter_detail.html", {"letter": letter})


def _cell(value: str) -> str:
    """Spreadsheet programs run a cell starting with = + - @ as a formula."""
    value = clean_line(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


def letter_export(request):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([label for label, _read in EXPORT_COLUMNS])
    for letter in public_letters(disclosed_letters()):
        writer.writerow([_cell(read(letter)) for _label, read in EXPORT_COLUMNS])
    return HttpResponse(
        "\ufeff" + out.getvalue(),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, "公开的承诺书.csv")},
    )


class LetterFeed(Feed):
    """RSS of disclosed letters (masked)."""

    feed_type = CleanRss201rev2Feed

    def title(self):
        return f"{site_info().government_short_name}公开的证明事项告知承诺书"

    link = "/letters/"
    description = "涉及公共利益、第三人利益的证明事项，其承诺书按规定公开，接受社会监督。"

    def items(self):
        return public_letters(disclosed_letters()[:50])

    def item_title(self, letter):
        return f"{letter.department_name}{letter.number_label}：{letter.item_name}"

    def item_description(self, letter):
        return (
            f"申请人：{letter.applicant}（{letter.applicant_kind}）；申请事项：{letter.item_purpose}；"
            f"承诺日期：{letter.signed_on:%Y-%m-%d}；公开至{letter.disclosed_until:%Y-%m-%d}。"
        )

    def item_link(self, letter):
        return letter.get_absolute_url()
