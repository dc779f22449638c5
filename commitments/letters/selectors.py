"""Reads of signed letters: the staff's scoped list, and the masked public view.

Public pages, feeds and exports get ``PublicLetter`` objects only: they are built from the
masking functions and hold no identity number, phone number, full name of a person or
detailed address, so no template can show one by mistake.
"""

import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from catalog.enums import DisclosureScope
from commitments.models import CommitmentLetter
from permissions.scope import Scope, filter_by_scope

from .enums import ApplicantKind
from .masking import address_to_township, mask_person_name

# 附件3 三、申请人承诺: what every applicant committed to.
COMMITMENTS = (
    "（一）已经知晓行政机关告知的全部内容；",
    "（二）自身已符合行政机关告知的条件、要求；",
    "（三）愿意承担不实承诺的法律责任；",
    "（四）本告知承诺文书中填写的基本信息真实、准确；",
    "（五）上述承诺是申请人真实的意思表示。",
)


@dataclass(frozen=True)
class PublicLetter:
    pk: int
    number_label: str
    department_id: int
    department_name: str
    item_id: int
    item_name: str
    item_purpose: str
    item_is_live: bool
    applicant_kind: str
    applicant: str
    legal_representative: str
    address: str
    agent: str
    signed_on: datetime.date
    disclosed_until: datetime.date
    commitments: tuple[str, ...] = COMMITMENTS

    def get_absolute_url(self):
        return reverse("public:letter", args=[self.pk])


def masked(letter: CommitmentLetter) -> PublicLetter:
    """The letter as any public surface may show it."""
    person = letter.applicant_kind == ApplicantKind.PERSON
    return PublicLetter(
        pk=letter.pk,
        number_label=letter.number_label,
        department_id=letter.department_id,
        department_name=letter.department.name,
        item_id=letter.item_id,
        item_name=letter.item_name,
        item_purpose=letter.item_purpose,
        item_is_live=letter.item.live,
        applicant_kind=letter.get_applicant_kind_display(),
        applicant=mask_person_name(letter.person_name) if person else letter.organisation_name,
        legal_representative="" if person else mask_person_name(letter.legal_representative),
        address="" if person else address_to_township(letter.organisation_address),
        agent=mask_person_name(letter.agent_name),
        signed_on=letter.signed_on,
        disclosed_until=letter.disclosed_until,
    )


def disclosed_letters(*, today=None, department_id=None, item_id=None):
    """Letters the public may read today, newest first."""
    today = today or timezone.localdate()
    qs = CommitmentLetter.objects.disclosed_on(today).select_related("department", "item")
    if department_id:
        qs = qs.filter(department_id=department_id)
    if item_id:
        qs = qs.filter(item_id=item_id)
    return qs.order_by("-signed_on", "-pk")


def public_letters(queryset) -> list[PublicLetter]:
    return [masked(letter) for letter in queryset]


def public_letter(pk: int) -> PublicLetter | None:
    letter = disclosed_letters().filter(pk=pk).first()
    return masked(letter) if letter else None


def item_disclosure(item) -> str:
    """What the public site says about the letters of a published item."""
    if not item.letters_disclosed:
        return "none"
    if item.disclosure_scope == DisclosureScope.PUBLIC:
        return "public"
    return "interested_parties"


def staff_letters(user):
    """Letters of the departments the user may view (every department for reviewers and
    supervisors); personal data are shown only on the detail page, to the department's own
    staff."""
    if not user.has_perm("commitments.view_commitmentletter"):
        return CommitmentLetter.objects.none()
    qs = CommitmentLetter.objects.select_related(
        "department", "item", "registered_by", "wording_version"
    )
    return filter_by_scope(qs, user, Scope.VIEW)
