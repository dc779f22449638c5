"""Every write of certificate items outside the admin forms: check, act, log.

Used by the demo data, tests and any other writer outside the admin forms. They go through the
same Wagtail machinery as the admin (revisions, log entries, the review workflow), so an item
written here is indistinguishable from one edited by hand.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from permissions.scope import Scope, in_scope

from .models import CertificateItem, LegalBasis
from .validation import publication_errors


def _check_edit(user, department_id) -> None:
    if not (
        user.has_perm("catalog.change_certificateitem")
        and in_scope(user, Scope.EDIT, department_id)
    ):
        raise PermissionDenied("您没有权限编辑该单位的证明事项。")


def _legal_bases(rows) -> list[LegalBasis]:
    return [LegalBasis(sort_order=i, **row) for i, row in enumerate(rows or [])]


@transaction.atomic
def item_create(*, user, department, fields: dict, legal_bases: list[dict]) -> CertificateItem:
    """Create a draft item with its first revision."""
    _check_edit(user, department.pk)
    item = CertificateItem(department=department, live=False, **fields)
    item.legal_bases = _legal_bases(legal_bases)
    item.full_clean(exclude=["latest_revision", "live_revision"])
    item.save()
    log(instance=item, action="wagtail.create", user=user)
    item.save_revision(user=user, log_action=False)
    return item


@transaction.atomic
def item_update(
    *, user, item: CertificateItem, fields: dict, legal_bases: list[dict] | None = None
) -> CertificateItem:
    """Save a new draft revision of ``item`` (the live row is untouched until approval)."""
    _check_edit(user, item.department_id)
    draft = item.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    if legal_bases is not None:
        draft.legal_bases = _legal_bases(legal_bases)
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
    state = item.current_workflow_state
    if state and state.status == state.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state and state.status == state.STATUS_IN_PROGRESS:
        raise ValidationError("该证明事项已在审核中。")
    else:
        item.get_workflow().start(item, user)


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
