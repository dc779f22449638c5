"""Reads of catalog revisions for public pages."""

from django.db.models import Count, Q

from .enums import RevisionChange
from .models import CatalogRevision


def revisions_with_counts():
    return CatalogRevision.objects.annotate(
        added=Count("entries", filter=Q(entries__change=RevisionChange.ADDED)),
        changed=Count("entries", filter=Q(entries__change=RevisionChange.CHANGED)),
        withdrawn=Count("entries", filter=Q(entries__change=RevisionChange.WITHDRAWN)),
        total=Count("entries", filter=~Q(entries__change=RevisionChange.WITHDRAWN)),
    ).order_by("-published_at", "-pk")  # Meta.ordering is dropped in GROUP BY queries


def revision_changes(revision: CatalogRevision) -> dict[str, list]:
    """Entries of a revision that changed, grouped as 新增 / 变更 / 取消."""
    groups = {RevisionChange.ADDED: [], RevisionChange.CHANGED: [], RevisionChange.WITHDRAWN: []}
    for entry in revision.entries.exclude(change=RevisionChange.UNCHANGED).select_related("item"):
        groups[entry.change].append(entry)
    return {RevisionChange(k).label: v for k, v in groups.items()}
