"""The admin's global search (the sidebar's 搜索, ``/admin/search/?q=…``).

One results page with a section per kind of record the user may see: certificate items,
service guides, signed letters and departments. Every section starts from the same scoped
queryset as its listing (the viewset's ``get_queryset``, or ``staff_letters`` for letters) and
matches with the listings' Chinese search (``search_condition``), so a search finds here
exactly what it finds in each listing.

Signed letters hold personal data. The applicant's name, identity numbers, phones and address
are searched only among the letters of the user's own departments (identity numbers and phones,
encrypted at rest, only as a whole number, through their lookup hashes) (the staff who may see them
on the detail page); a hit found through them is logged like a view of the letter's personal
data. Results never show personal data: the applicant appears masked, as in the letter list.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.search import SearchArea
from wagtail.permissions import policy_registry

from accounts.network import client_ip
from catalog.enums import ItemStatus
from catalog.models import CertificateItem, Department, ServiceGuide
from catalog.models.items import STATUS_ANNOTATION, with_editorial_status
from catalog.read_views import read_url, user_may_edit
from commitments.letters.selectors import masked, staff_letters
from commitments.letters.services import letter_personal_data_viewed
from commitments.models import CommitmentLetter
from permissions.scope import Scope, granted_department_ids
from privacy import normalize
from privacy.registry import hash_q

from .admin_search import NOTHING, search_condition
from .analysis import parse_query

HITS_PER_SECTION = 10
ANY_PERMISSION = {"add", "change", "delete", "view"}
SEARCH_AREA_NAME = "records"

# Letters: what anyone who may list them may search, and what only the department's own staff
# may search (the personal data behind the masked list).
LETTER_FIELDS = ["item_name", "item_purpose", "department__name", "organisation_name"]
LETTER_PERSONAL_FIELDS = [
    "person_name",
    "legal_representative",
    "organisation_address",
    "agent_name",
]
# Encrypted at rest (privacy, ADR 017): found only when the query is the whole number, through
# the lookup hashes (width, spaces, hyphens and a lower-case x do not matter).
LETTER_ENCRYPTED_FIELDS = [
    "person_id_number",
    "person_phone",
    "organisation_id_number",
    "organisation_phone",
    "agent_id_number",
    "agent_phone",
]
PERSONAL_SEARCH_PURPOSE = "全局搜索按申请人信息命中"
# （2026年）第3号, 2026年第3号, 第3号
NUMBER_LIKE = re.compile(r"\+?[0-9A-Z]{5,}")
LETTER_NUMBER = re.compile(r"(?:(\d{4})\s*年\s*\)?\s*)?第\s*(\d+)\s*号")


@dataclass
class Hit:
    title: str
    url: str
    details: list[str] = field(default_factory=list)
    status: str = ""


@dataclass
class Section:
    label: str
    total: int
    hits: list[Hit]
    more_url: str = ""


def _may_list(user, model) -> bool:
    return policy_registry.get_by_type(model).user_has_any_permission(user, ANY_PERMISSION)


def _scoped(request, model):
    """The model's listing queryset for this user (department scope included)."""
    queryset = model.snippet_viewset.get_queryset(request)
    return model._default_manager.all() if queryset is None else queryset


def _listing_url(model, query: str) -> str:
    return f"{reverse(model.snippet_viewset.get_url_name('list'))}?{urlencode({'q': query})}"


def _open_url(user, obj) -> str:
    if user_may_edit(user, obj):
        return reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk])
    return read_url(obj) or ""


def _reviewed_section(request, model, query: str, details) -> Section | None:
    """Items or guides: every state (drafts included), in the user's scope."""
    user = request.user
    if not _may_list(user, model):
        return None
    condition = search_condition(query, list(model.snippet_viewset.search_fields))
    found = with_editorial_status(_scoped(request, model).filter(condition))
    hits = [
        Hit(
            title=str(obj),
            url=_open_url(user, obj),
            details=details(obj),
            status=ItemStatus(getattr(obj, STATUS_ANNOTATION)).label,
        )
        for obj in found[:HITS_PER_SECTION]
    ]
    return Section(model._meta.verbose_name, found.count(), hits, _listing_url(model, query))


def _department_section(request, query: str) -> Section | None:
    user = request.user
    if not _may_list(user, Department):
        return None
    condition = search_condition(query, list(Department.snippet_viewset.search_fields))
    found = _scoped(request, Department).filter(condition)
    hits = [
        Hit(title=d.name, url=_open_url(user, d), details=[d.get_kind_display()])
        for d in found[:HITS_PER_SECTION]
    ]
    return Section("实施机关", found.count(), hits, _listing_url(Department, query))


def _letter_condition(user, query: str) -> tuple[Q, Q] | None:
    """(condition, public_condition): the whole match, and the part that needs no personal
    data. None when nothing can match."""
    text = unicodedata.normalize("NFKC", query)
    condition = public = Q()
    if number := LETTER_NUMBER.search(text):
        year, n = number.groups()
        condition &= Q(number=int(n)) & (Q(year=int(year)) if year else Q())
        public = condition
        text = (text[: number.start()] + " " + text[number.end() :]).strip(" （()）")
    if text.strip():
        own = Q(department_id__in=granted_department_ids(user, Scope.VIEW))
        words = search_condition(text, LETTER_FIELDS, guarded=(own, LETTER_PERSONAL_FIELDS))
        public_words = search_condition(text, LETTER_FIELDS)
        exact = _encrypted_condition(text)
        if words is None and exact is None:
            return None
        if exact is not None:
            words = (own & exact) if words is None else (words | (own & exact))
        condition &= words
        public &= public_words if public_words is not None else NOTHING
    return condition, public


def _encrypted_condition(text: str) -> Q | None:
    """Letters whose identity number or phone is exactly ``text``; None when ``text`` does not
    look like a number."""
    if not NUMBER_LIKE.fullmatch(normalize.identity_number(text)):
        return None
    condition = NOTHING
    for name in LETTER_ENCRYPTED_FIELDS:
        condition |= hash_q(CommitmentLetter, name, text)
    return condition


def _letter_section(request, query: str) -> Section | None:
    user = request.user
    if not user.has_perm("commitments.view_commitmentletter"):
        return None
    letters = staff_letters(user)
    conditions = _letter_condition(user, query)
    if conditions is None:
        return Section("承诺书", 0, [])
    condition, public = conditions
    found = letters.filter(condition).order_by("-registered_at", "-pk")
    shown = list(found[:HITS_PER_SECTION])
    public_ids = set(
        letters.filter(public, pk__in=[letter.pk for letter in shown]).values_list("pk", flat=True)
    )
    hits = []
    for letter in shown:
        if letter.pk not in public_ids:
            letter_personal_data_viewed(
                user=user,
                letter=letter,
                purpose=PERSONAL_SEARCH_PURPOSE,
                ip_address=client_ip(request),
            )
        shown_as = masked(letter)
        hits.append(
            Hit(
                title=f"{letter.department.name}{letter.number_label}",
                url=reverse("letter_admin_detail", args=[letter.pk]),
                details=[
                    letter.item_name,
                    f"{shown_as.applicant}（{shown_as.applicant_kind}）",
                    f"承诺日期 {letter.signed_on:%Y-%m-%d}",
                ],
                status="已撤回" if letter.withdrawn_on else "有效",
            )
        )
    return Section("承诺书", found.count(), hits, reverse("letters_admin"))


def _item_details(item) -> list[str]:
    return [item.department.name, item.purpose]


def _guide_details(guide) -> list[str]:
    return [guide.department.name, guide.get_matter_type_display()]


def search_sections(request, query: str) -> list[Section]:
    """The sections the user may see, for ``query`` (none for an empty query)."""
    if not parse_query(query):
        return []
    sections = [
        _reviewed_section(request, CertificateItem, query, _item_details),
        _reviewed_section(request, ServiceGuide, query, _guide_details),
        _letter_section(request, query),
        _department_section(request, query),
    ]
    return [section for section in sections if section is not None]


def search_results(request):
    query = request.GET.get("q", "").strip()
    sections = search_sections(request, query) if query else []
    return TemplateResponse(
        request,
        "search/admin/results.html",
        {
            "page_title": "搜索",
            "query": query,
            "sections": sections,
            "total": sum(section.total for section in sections),
        },
    )


class RecordsSearchArea(SearchArea):
    """First of the admin's search areas, so the sidebar's 搜索 comes here."""

    def is_shown(self, request):
        return request.user.is_authenticated


def records_search_area() -> SearchArea:
    return RecordsSearchArea(
        "证明事项、办事指南和承诺书",
        reverse("admin_search"),
        name=SEARCH_AREA_NAME,
        icon_name="search",
        order=0,
    )
