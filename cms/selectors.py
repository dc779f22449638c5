"""Reads for public pages that no app offers: what became of an item or a guide that was public
once (withdrawn), and where the applicant hands in a letter. Published content only."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from catalog.models import CertificateItem, Department, ServiceGuide
from publishing.enums import RevisionChange
from publishing.models import CatalogRevision, CatalogRevisionEntry


@dataclass(frozen=True)
class Withdrawn:
    """A withdrawn item or guide as the public may read it: the values it had when it was
    last public (never a later draft), the withdrawal's date and reason, and for items the
    catalog revision that records the withdrawal."""

    kind: str  # "item" or "guide"
    name: str
    purpose: str
    department: Department | None
    withdrawn_on: datetime.date
    reason: str
    revision: CatalogRevision | None = None
    in_next_revision: bool = False  # not recorded yet; the next catalog revision will list it


def _published_values(withdrawal, fallback: dict) -> dict:
    """name / purpose / department id of the version that was public when it was withdrawn.
    The row itself may hold a newer draft by now, which the public must not see."""
    content = withdrawal.revision.content if withdrawal.revision_id else {}
    return {key: content.get(key, value) for key, value in fallback.items()}


def _revision_of_withdrawal(item, withdrawal) -> tuple[CatalogRevision | None, bool]:
    """(the catalog revision that lists the withdrawal as 取消, whether the next one will).

    ``catalog_revision_publish`` lists an item as 取消 in the first revision after the one
    where it last appeared live, so only the item's latest entry matters."""
    latest = (
        CatalogRevisionEntry.objects.filter(item=item)
        .select_related("catalog_revision")
        .order_by("-catalog_revision__published_at", "-catalog_revision__pk")
        .first()
    )
    if latest is None:
        return None, False  # never in a numbered revision: none will list it
    if latest.change != RevisionChange.WITHDRAWN:
        return None, True
    records_this_withdrawal = (
        latest.catalog_revision.published_at >= withdrawal.withdrawn_at
        or latest.item_revision_id == withdrawal.revision_id
    )
    # Otherwise it was published again after that revision and withdrawn before the next.
    return (latest.catalog_revision if records_this_withdrawal else None), False


def withdrawn_item(pk: int) -> Withdrawn | None:
    """The item ``pk`` if it is not live and its last public version was withdrawn."""
    item = CertificateItem.objects.filter(pk=pk, live=False).first()
    if item is None:
        return None
    withdrawal = item.withdrawals.select_related("revision").order_by("-withdrawn_at").first()
    if withdrawal is None:
        return None  # never published (a draft): not the public's business
    values = _published_values(
        withdrawal,
        {"name": item.name, "purpose": item.purpose, "department": item.department_id},
    )
    revision, in_next = _revision_of_withdrawal(item, withdrawal)
    return Withdrawn(
        kind="item",
        name=values["name"],
        purpose=values["purpose"],
        department=Department.objects.filter(pk=values["department"]).first(),
        withdrawn_on=timezone.localtime(withdrawal.withdrawn_at).date(),
        reason=withdrawal.reason,
        revision=revision,
        in_next_revision=in_next,
    )


def withdrawn_guide(pk: int) -> Withdrawn | None:
    """The service guide ``pk`` if it is not live and its last public version was withdrawn."""
    guide = ServiceGuide.objects.filter(pk=pk, live=False).first()
    if guide is None:
        return None
    withdrawal = guide.withdrawals.select_related("revision").order_by("-withdrawn_at").first()
    if withdrawal is None:
        return None
    values = _published_values(withdrawal, {"name": guide.name, "department": guide.department_id})
    return Withdrawn(
        kind="guide",
        name=values["name"],
        purpose="",
        department=Department.objects.filter(pk=values["department"]).first(),
        withdrawn_on=timezone.localtime(withdrawal.withdrawn_at).date(),
        reason=withdrawal.reason,
    )


@dataclass(frozen=True)
class HandIn:
    """Where to hand in the signed letter when applying for what a service guide describes."""

    guide: ServiceGuide
    place: str
    hours: str


def hand_in_places(guides: list[ServiceGuide]) -> list[HandIn]:
    """The halls and windows of the published guides that link the item (the page falls back
    on the department's office address when there are none)."""
    return [
        HandIn(guide=g, place="，".join(p for p in (g.hall, g.window) if p), hours=g.office_hours)
        for g in guides
        if g.hall or g.window
    ]
