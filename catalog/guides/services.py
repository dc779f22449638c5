"""Every write of service guides outside the admin forms: check, act, log.

The same Wagtail machinery as the admin (revisions, log entries, the review workflow), like
``catalog.services`` for items. Review decisions use ``catalog.services.item_review``, which
works on any object in the workflow.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from permissions.scope import Scope, in_scope

from ..models import GuideMaterial, GuideStep, ServiceGuide
from ..validation import flat_errors, guide_publication_errors
from ..workflow import workflow_submit

EXCLUDE_FROM_CLEAN = ["latest_revision", "live_revision", "flow_chart"]


def _check_edit(user, department_id) -> None:
    if not (
        user.has_perm("catalog.change_serviceguide") and in_scope(user, Scope.EDIT, department_id)
    ):
        raise PermissionDenied("您没有权限编辑该单位的办事指南。")


def _materials(rows) -> list[GuideMaterial]:
    return [GuideMaterial(sort_order=i, **row) for i, row in enumerate(rows or [])]


def _steps(rows) -> list[GuideStep]:
    return [GuideStep(sort_order=i, **row) for i, row in enumerate(rows or [])]


@transaction.atomic
def guide_create(
    *, user, department, fields: dict, materials: list[dict], steps: list[dict]
) -> ServiceGuide:
    """Create a draft guide with its first revision."""
    _check_edit(user, department.pk)
    guide = ServiceGuide(department=department, live=False, **fields)
    guide.materials = _materials(materials)
    guide.steps = _steps(steps)
    guide.full_clean(exclude=EXCLUDE_FROM_CLEAN)
    guide.save()
    log(instance=guide, action="wagtail.create", user=user)
    guide.save_revision(user=user, log_action=False)
    return guide


@transaction.atomic
def guide_update(
    *,
    user,
    guide: ServiceGuide,
    fields: dict,
    materials: list[dict] | None = None,
    steps: list[dict] | None = None,
) -> ServiceGuide:
    """Save a new draft revision of ``guide`` (the live row is untouched until approval)."""
    _check_edit(user, guide.department_id)
    draft = guide.get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(draft, name, value)
    if materials is not None:
        draft.materials = _materials(materials)
    if steps is not None:
        draft.steps = _steps(steps)
    draft.full_clean(exclude=EXCLUDE_FROM_CLEAN)
    draft.save_revision(user=user, log_action=True)
    return draft


@transaction.atomic
def guide_submit(*, user, guide: ServiceGuide) -> None:
    """Send the latest revision into review, after the completeness checks."""
    _check_edit(user, guide.department_id)
    draft = guide.get_latest_revision_as_object()
    errors = guide_publication_errors(draft)
    if errors:
        raise ValidationError(flat_errors(errors))
    workflow_submit(guide, user, already_in_review="该办事指南已在审核中。")
