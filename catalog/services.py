"""Every write of certificate items outside the admin forms: check, act, log.

Used by the demo data, tests and any other writer outside the admin forms. They go through the
same Wagtail machinery as the admin (revisions, log entries, the review workflow), so an item
written here is indistinguishable from one edited by hand.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry
from wagtail.models import Revision

from permissions.scope import Scope, in_scope

from .legal.registry import bases_link
from .models import CertificateItem, Department, LegalBasis
from .text import clean_values
from .validation import publication_errors
from .workflow import workflow_submit


def _check_edit(user, department_id) -> None:
    if not (
        user.has_perm("catalog.change_certificateitem")
        and in_scope(user, Scope.EDIT, department_id)
    ):
        raise PermissionDenied("您没有权限编辑该单位的证明事项。")


def _legal_bases(rows, *, user=None) -> list[LegalBasis]:
    """Basis rows as ``LegalBasis`` objects, each linked to its registry document (found by
    name, or created unverified: ``catalog.legal.services.bases_link``)."""
    return [
        LegalBasis(sort_order=i, **clean_values(LegalBasis, row))
        for i, row in enumerate(bases_link(rows, user=user))
    ]


@transaction.atomic
def item_create(*, user, department, fields: dict, legal_bases: list[dict]) -> CertificateItem:
    """Create a draft item with its first revision."""
    _check_edit(user, department.pk)
    item = CertificateItem(
        department=department, live=False, **clean_values(CertificateItem, fields)
    )
    item.legal_bases = _legal_bases(legal_bases, user=user)
    item.full_clean(exclude=["latest_revision", "live_revision"])
    item.save()
    log(instance=item, action="wagtail.create", user=user)
    item.save_revision(user=user, log_action=False)
    return item


def item_build(*, department, fields: dict, legal_bases: list[dict]) -> CertificateItem:
    """A new draft item validated as ``item_create`` validates it, not yet written.

    ``items_create`` writes a list of them. The department is checked there, once per
    department, instead of by each item's ``full_clean``.
    """
    item = CertificateItem(
        department=department, live=False, **clean_values(CertificateItem, fields)
    )
    item.legal_bases = _legal_bases(legal_bases)
    item.full_clean(exclude=["latest_revision", "live_revision", "department"])
    return item


@transaction.atomic
def items_create(*, user, items: list[CertificateItem]) -> list[CertificateItem]:
    """Write many ``item_build`` items as ``item_create`` writes one, in a few queries.

    Each item gets the same records as from ``item_create``: the row (a draft) with its legal
    bases, a simple-history record, a ``wagtail.create`` log entry by ``user`` and a first
    revision serialised by Wagtail (``serializable_data``) set as its latest revision. The
    reference index is not updated (the caller builds it).
    """
    if not items:
        return items
    department_ids = {item.department_id for item in items}
    for department_id in department_ids:
        _check_edit(user, department_id)
    if Department.objects.filter(pk__in=department_ids).count() != len(department_ids):
        raise ValidationError({"department": "实施机关不存在。"})
    # The row and its history record, as ``item.save()`` writes them.
    bulk_create_with_history(items, CertificateItem, batch_size=500)
    bases = []
    for item in items:
        for basis in item.legal_bases.all():
            basis.item = item
            bases.append(basis)
    LegalBasis.objects.bulk_create(bases, batch_size=500)
    # The log entry, as ``log(instance=item, action="wagtail.create", user=user)`` writes it.
    content_type = ContentType.objects.get_for_model(CertificateItem, for_concrete_model=False)
    log_model = log_registry.get_log_model_for_model(CertificateItem)
    log_user = user or get_active_log_context().user
    log_uuid = get_active_log_context().uuid
    entries = []
    for item in items:
        entry = log_model(
            content_type=content_type,
            label=log_model.objects.get_instance_title(item),
            action="wagtail.create",
            timestamp=timezone.now(),
            data={},
            user=log_user,
            uuid=log_uuid,
            object_id=str(item.pk),
        )
        entries.append(entry)
    log_model.objects.bulk_create(entries, batch_size=500)
    # The first revision, as ``item.save_revision(user=user)`` writes it.
    base_content_type = items[0].get_base_content_type()
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(item.pk),
            user=user,
            approved_go_live_at=None,
            content=item.serializable_data(),
            object_str=str(item),
            created_at=timezone.now(),
        )
        for item in items
    ]
    Revision.objects.bulk_create(revisions, batch_size=500)
    for item, revision in zip(items, revisions, strict=True):
        item.latest_revision = revision
        item.has_unpublished_changes = True
    CertificateItem.objects.bulk_update(
        items, ["latest_revision", "has_unpublished_changes"], batch_size=500
    )
    return items


@transaction.atomic
def item_update(
    *, user, item: CertificateItem, fields: dict, legal_bases: list[dict] | None = None
) -> CertificateItem:
    """Save a new draft revision of ``item`` (the live row is untouched until approval)."""
    _check_edit(user, item.department_id)
    draft = item.get_latest_revision_as_object()
    for name, value in clean_values(CertificateItem, fields).items():
        setattr(draft, name, value)
    if legal_bases is not None:
        draft.legal_bases = _legal_bases(legal_bases, user=user)
    draft.full_clean(exclude=["latest_revision", "live_revision"])
    draft.save_revision(user=user, log_action=True)
    return draft


@transaction.atomic
def item_submit(*, user, item: CertificateItem) -> None:
    """Send the latest revision into review (or back into review after it was sent back)."""
    _check_edit(user, item.department_id)
    draft = item.get_latest_revision_as_object()
    errors = publication_errors(draft)
    if errors:
        raise ValidationError(errors)
    workflow_submit(item, user, already_in_review="该证明事项已在审核中。")


@transaction.atomic
def item_review(*, user, item: CertificateItem, action: str, comment: str = "") -> None:
    """Approve or send back the item at its current review step, as ``user``."""
    task_state = item.current_workflow_task_state
    if task_state is None:
        raise ValidationError("该证明事项当前不在审核中。")
    task_state.task.specific.on_action(task_state.specific, user, action, comment=comment)


@transaction.atomic
def item_revert(*, user, item: CertificateItem, revision_id: int) -> CertificateItem:
    """Restore an old version as a new draft revision, which then goes through review."""
    _check_edit(user, item.department_id)
    revision = item.revisions.get(pk=revision_id)
    old = revision.as_object()
    old.live = item.live
    new_revision = old.save_revision(user=user, log_action=True, previous_revision=revision)
    return new_revision.as_object()
