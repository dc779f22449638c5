"""Every write of the publishing side: check, act, log."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Workflow, WorkflowContentType, WorkflowTask

from permissions.scope import is_reviewer

from .enums import RevisionChange
from .models import (
    CatalogRevision,
    CatalogRevisionEntry,
    CountersignerRole,
    CountersignTask,
    DepartmentLeaderApprovalTask,
    GuideWithdrawal,
    ItemWithdrawal,
    JusticeBureauReviewTask,
    LetterWordingReviewTask,
    reviewed_models,
)
from .routes import route_check, route_realign

WORKFLOW_NAME = "证明事项审核流程"
LETTER_WORDING_WORKFLOW_NAME = "告知承诺书文本审核流程"


def review_workflow_ensure() -> Workflow:
    """Create (once) the default review route: leader approval, then justice-bureau review, and
    assign it to certificate items and service guides that have no route yet.

    Run after every ``migrate``: it never changes a route the administrator has built or
    re-assigned in the workflow admin (docs/adr/021-review-routes.md)."""
    from django.contrib.contenttypes.models import ContentType

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        leader, _ = DepartmentLeaderApprovalTask.objects.get_or_create(name="分管领导审批")
        justice, _ = JusticeBureauReviewTask.objects.get_or_create(name="司法局审核")
        for order, task in enumerate([leader, justice]):
            WorkflowTask.objects.update_or_create(
                workflow=workflow, task=task, defaults={"sort_order": order}
            )
    for model in reviewed_models():
        ct = ContentType.objects.get_for_model(model)
        if not WorkflowContentType.objects.filter(content_type=ct).exists():
            WorkflowContentType.objects.create(content_type=ct, workflow=workflow)
    return workflow


def letter_wording_workflow_ensure() -> Workflow:
    """Create (once) the route of the letter wording (one step: another justice-bureau reviewer
    approves) and assign it to the wording when it has no route. Run after every ``migrate``."""
    from django.contrib.contenttypes.models import ContentType

    from catalog.models import LetterWording

    workflow, created = Workflow.objects.get_or_create(name=LETTER_WORDING_WORKFLOW_NAME)
    if created:
        task, _ = LetterWordingReviewTask.objects.get_or_create(name="司法局审核（告知承诺书文本）")
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": 0}
        )
    ct = ContentType.objects.get_for_model(LetterWording)
    if not WorkflowContentType.objects.filter(content_type=ct).exists():
        WorkflowContentType.objects.create(content_type=ct, workflow=workflow)
    return workflow


@transaction.atomic
def countersign_step_add(
    *,
    user,
    workflow: Workflow,
    name: str,
    department,
    role: str = CountersignerRole.LEADER,
    matter_types=(),
    departments=(),
) -> CountersignTask:
    """Add a countersign step (会签) just before the justice bureau's review of ``workflow``, as
    the administrator would in the workflow admin; records in review follow the new route
    (``routes.route_realign``)."""
    if not (user.has_perm("wagtailcore.add_task") and user.has_perm("wagtailcore.change_workflow")):
        raise PermissionDenied("只有系统管理员可以配置审核流程。")
    task = CountersignTask(
        name=(name or "").strip(),
        countersign_department=department,
        countersigner_role=role,
        matter_types=list(matter_types),
    )
    task.full_clean(exclude=["content_type"])
    task.save()
    task.departments.set(departments)
    steps = list(WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order"))
    steps.insert(max(len(steps) - 1, 0), WorkflowTask(workflow=workflow, task=task))
    for order, step in enumerate(steps):
        step.sort_order = order
        step.save()
    route_check(workflow)
    route_realign(workflow, user=user)
    log(instance=task, action="wagtail.create", user=user)
    return task


@transaction.atomic
def item_withdraw(*, item, user, reason: str) -> ItemWithdrawal:
    """Take a published item out of the public catalog (a reviewer's decision, with a reason)."""
    if not is_reviewer(user):
        raise PermissionDenied("只有司法局审核员可以从目录中撤回证明事项。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写撤回理由。"})
    if not item.live:
        raise ValidationError({"reason": "该证明事项当前未发布，无需撤回。"})
    withdrawal = ItemWithdrawal.objects.create(
        item=item, revision=item.live_revision, reason=reason, withdrawn_by=user
    )
    workflow_state = item.current_workflow_state
    if workflow_state:
        workflow_state.cancel(user=user)
    item.unpublish(user=user)
    return withdrawal


@transaction.atomic
def guide_withdraw(*, guide, user, reason: str) -> GuideWithdrawal:
    """Take a published service guide off the public site (a reviewer's decision)."""
    if not is_reviewer(user):
        raise PermissionDenied("只有司法局审核员可以撤回已发布的办事指南。")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "请填写撤回理由。"})
    if not guide.live:
        raise ValidationError({"reason": "该办事指南当前未发布，无需撤回。"})
    withdrawal = GuideWithdrawal.objects.create(
        guide=guide, revision=guide.live_revision, reason=reason, withdrawn_by=user
    )
    workflow_state = guide.current_workflow_state
    if workflow_state:
        workflow_state.cancel(user=user)
    guide.unpublish(user=user)
    return withdrawal


def _previous_membership(previous: CatalogRevision | None) -> dict[int, int | None]:
    if previous is None:
        return {}
    return dict(
        previous.entries.exclude(change=RevisionChange.WITHDRAWN).values_list(
            "item_id", "item_revision_id"
        )
    )


def catalog_revision_preview(previous: CatalogRevision | None = None) -> list[dict]:
    """What a new catalog revision would contain: one dict per entry, in catalog order."""
    from catalog.models import CertificateItem

    if previous is None:
        previous = CatalogRevision.objects.first()
    before = _previous_membership(previous)
    entries = []
    live = CertificateItem.objects.live().select_related("department")
    for item in live:
        if item.pk not in before:
            change = RevisionChange.ADDED
        elif before[item.pk] != item.live_revision_id:
            change = RevisionChange.CHANGED
        else:
            change = RevisionChange.UNCHANGED
        entries.append(
            {
                "item": item,
                "item_revision_id": item.live_revision_id,
                "change": change,
                "item_name": item.name,
                "purpose": item.purpose,
                "department_name": item.department.name,
            }
        )
    live_ids = {e["item"].pk for e in entries}
    gone = [pk for pk in before if pk not in live_ids]
    reasons = {}
    for withdrawal in ItemWithdrawal.objects.filter(item__in=gone).order_by("withdrawn_at", "pk"):
        reasons[withdrawal.item_id] = withdrawal.reason
    for item in CertificateItem.objects.filter(pk__in=gone).select_related("department"):
        entries.append(
            {
                "item": item,
                "item_revision_id": before[item.pk],
                "change": RevisionChange.WITHDRAWN,
                "item_name": item.name,
                "purpose": item.purpose,
                "department_name": item.department.name,
                "reason": reasons.get(item.pk, ""),
            }
        )
    return entries


@transaction.atomic
def catalog_revision_publish(*, user, note: str = "", year: int | None = None) -> CatalogRevision:
    """Publish the current catalog as the next numbered revision of the year."""
    if not is_reviewer(user):
        raise PermissionDenied("只有司法局审核员可以发布目录版本。")
    previous = CatalogRevision.objects.select_for_update().first()
    entries = catalog_revision_preview(previous)
    if not entries:
        raise ValidationError("目录中还没有已发布的证明事项，不能发布目录版本。")
    if previous is not None and all(e["change"] == RevisionChange.UNCHANGED for e in entries):
        raise ValidationError(f"自{previous.label}以来目录没有任何变化，无需发布新版本。")
    year = year or timezone.localdate().year
    last = CatalogRevision.objects.filter(year=year).aggregate(n=Max("number"))["n"] or 0
    revision = CatalogRevision.objects.create(
        year=year, number=last + 1, note=note.strip(), published_by=user
    )
    CatalogRevisionEntry.objects.bulk_create(
        CatalogRevisionEntry(
            catalog_revision=revision,
            item=e["item"],
            item_revision_id=e["item_revision_id"],
            change=e["change"],
            item_name=e["item_name"],
            purpose=e["purpose"],
            department_name=e["department_name"],
        )
        for e in entries
    )
    return revision
