"""Reads of catalog revisions for public pages."""

from django.db.models import Count, Q
from django.utils import timezone

from .enums import RevisionChange
from .models import CatalogRevision, ItemWithdrawal


def revisions_with_counts():
    return CatalogRevision.objects.annotate(
        added=Count("entries", filter=Q(entries__change=RevisionChange.ADDED)),
        changed=Count("entries", filter=Q(entries__change=RevisionChange.CHANGED)),
        withdrawn=Count("entries", filter=Q(entries__change=RevisionChange.WITHDRAWN)),
        total=Count("entries", filter=~Q(entries__change=RevisionChange.WITHDRAWN)),
    ).order_by("-published_at", "-pk")  # Meta.ordering is dropped in GROUP BY queries


def revision_changes(revision: CatalogRevision) -> dict[str, list]:
    """Entries of a revision that changed, grouped as 新增 / 变更 / 取消.

    Each withdrawn entry carries ``withdrawal``: the reviewer's withdrawal (with its reason)
    that this revision records, i.e. the item's latest one before the revision was published.
    """
    groups = {RevisionChange.ADDED: [], RevisionChange.CHANGED: [], RevisionChange.WITHDRAWN: []}
    for entry in revision.entries.exclude(change=RevisionChange.UNCHANGED).select_related("item"):
        groups[entry.change].append(entry)
    withdrawn = groups[RevisionChange.WITHDRAWN]
    latest = {}
    for withdrawal in ItemWithdrawal.objects.filter(
        item__in=[entry.item_id for entry in withdrawn], withdrawn_at__lte=revision.published_at
    ).order_by("withdrawn_at", "pk"):
        latest[withdrawal.item_id] = withdrawal
    for entry in withdrawn:
        entry.withdrawal = latest.get(entry.item_id)
    return {RevisionChange(k).label: v for k, v in groups.items()}


def revision_listing(item):
    """The latest catalog revision that lists exactly the item's published version, or None
    when the item changed (or was first published) after the last revision."""
    from .models import CatalogRevisionEntry

    entry = (
        CatalogRevisionEntry.objects.filter(item=item, item_revision_id=item.live_revision_id)
        .exclude(change=RevisionChange.WITHDRAWN)
        .select_related("catalog_revision")
        .order_by("-catalog_revision__published_at", "-catalog_revision__pk")
        .first()
    )
    return entry.catalog_revision if entry else None


def letter_form_follows(item) -> str:
    """The line on a letter form that says which catalog revision it follows."""
    revision = revision_listing(item)
    if revision is not None:
        return (
            f"本格式文本依据证明事项目录{revision.label}"
            f"（{_chinese_date(revision.published_at)}发布）制作"
        )
    return (
        f"本格式文本依据{_chinese_date(item.last_published_at)}发布的现行证明事项内容制作"
        "（该内容尚未编入编号的目录版本）"
    )


def _chinese_date(moment) -> str:
    day = timezone.localtime(moment).date()
    return f"{day.year}年{day.month}月{day.day}日"
