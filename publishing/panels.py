"""Dashboard panels: my drafts, awaiting my review, sent back to me — for certificate items and
service guides alike, scoped to the user's departments and never the user's own submissions —
and for items, the legal bases: items to review again because a cited document was amended or
repealed (需复核), and a department's items citing articles without their text; the letter
wording's review (告知承诺书文本)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.template.loader import get_template
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState, WorkflowState

from catalog.legal.selectors import flagged_item_ids, items_missing_article_texts, open_flags
from catalog.models import CertificateItem, LetterWording
from catalog.read_views import read_url, user_may_edit
from permissions.scope import ALL, Scope, department_ids, filter_by_scope, in_scope

from .models import (
    CountersignTask,
    DepartmentLeaderApprovalTask,
    JusticeBureauReviewTask,
    reviewed_models,
)

LIMIT = 20


def _objects_by_key(states, content_type_attr="base_content_type_id"):
    """``{(content type id, object id): object}`` for the objects of workflow states."""
    wanted: dict[int, set[str]] = {}
    for state in states:
        wanted.setdefault(getattr(state, content_type_attr), set()).add(state.object_id)
    found = {}
    for model in reviewed_models():
        ct = ContentType.objects.get_for_model(model)
        pks = [int(pk) for pk in wanted.get(ct.pk, ())]
        if not pks:
            continue
        for obj in model.objects.filter(pk__in=pks).select_related("department"):
            found[(ct.pk, str(obj.pk))] = obj
    return found


def _key(workflow_state):
    return (workflow_state.base_content_type_id, workflow_state.object_id)


def awaiting_review(user) -> list[tuple[object, TaskState]]:
    """Items and guides at a review step this user may decide, except the user's own."""
    rows = []
    for task_model in (DepartmentLeaderApprovalTask, CountersignTask, JusticeBureauReviewTask):
        for task in task_model.objects.filter(active=True):
            states = task.get_task_states_user_can_moderate(user).select_related(
                "workflow_state", "revision"
            )
            rows.extend(states)
    objects = _objects_by_key([s.workflow_state for s in rows])
    result = []
    for state in rows:
        obj = objects.get(_key(state.workflow_state))
        if obj is None:
            continue
        own = state.workflow_state.requested_by_id == user.pk or (
            state.revision and state.revision.user_id == user.pk
        )
        if not own:
            result.append((obj, state))
    return sorted(result, key=lambda r: r[1].started_at)[:LIMIT]


def my_drafts(user) -> list:
    """Unsubmitted drafts in the user's departments that the user last edited."""
    in_workflow = {
        (ct, pk)
        for ct, pk in WorkflowState.objects.filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
        ).values_list("base_content_type_id", "object_id")
    }
    rows = []
    for model in reviewed_models():
        ct = ContentType.objects.get_for_model(model)
        qs = filter_by_scope(model.objects.all(), user, Scope.EDIT).filter(
            Q(live=False) | Q(has_unpublished_changes=True), latest_revision__user=user
        )
        rows += [
            obj
            for obj in qs.select_related("department", "latest_revision")
            if (ct.pk, str(obj.pk)) not in in_workflow
        ]
    rows.sort(key=lambda obj: obj.latest_revision.created_at, reverse=True)
    return rows[:LIMIT]


def sent_back_to_me(user) -> list[tuple[object, TaskState]]:
    """Items and guides sent back that the user submitted, or that belong to the user's
    departments. Reviewers may edit every department; for them only their own submissions
    count."""
    states = list(
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )
    objects = _objects_by_key(states)
    scoped_everywhere = department_ids(user, Scope.EDIT) is ALL
    rows = []
    for state in states:
        obj = objects.get(_key(state))
        if obj is None:
            continue
        editable = not scoped_everywhere and in_scope(user, Scope.EDIT, obj.department_id)
        if state.requested_by_id == user.pk or editable:
            rows.append((obj, state.current_task_state))
    return rows[:LIMIT]


def links(obj) -> dict:
    """The admin URLs a panel row needs, for an item or a guide."""
    from .views import review_url

    viewset = obj.snippet_viewset
    return {
        "edit": reverse(viewset.get_url_name("edit"), args=[obj.pk]),
        "review": review_url(obj),
        "kind": obj._meta.verbose_name,
    }


class _Panel(Component):
    order = 100

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        rows = []
        for row in self.rows(self.request.user):
            obj = row[0] if isinstance(row, tuple) else row
            rows.append((row, links(obj)))
        return {"rows": rows, "request": self.request}


class AwaitingReviewPanel(_Panel):
    name = "awaiting_review"
    order = 90
    template_name = "publishing/panels/awaiting_review.html"

    def rows(self, user):
        return awaiting_review(user)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        items = [row[0].pk for row, _link in context["rows"] if isinstance(row[0], CertificateItem)]
        context["flagged"] = flagged_item_ids(items)
        return context


class MyDraftsPanel(_Panel):
    name = "my_drafts"
    order = 100
    template_name = "publishing/panels/my_drafts.html"

    def rows(self, user):
        return my_drafts(user)


class SentBackPanel(_Panel):
    name = "sent_back"
    order = 95
    template_name = "publishing/panels/sent_back.html"

    def rows(self, user):
        return sent_back_to_me(user)


def item_link(user, item) -> str:
    """The edit form for whoever may edit the item, its read view otherwise."""
    if user_may_edit(user, item):
        return reverse(item.snippet_viewset.get_url_name("edit"), args=[item.pk])
    return read_url(item)


def department_scope(user) -> set[int]:
    """The departments whose staff the user is (edit or lead): empty for the justice bureau,
    supervisors and administrators, who see every department."""
    ids = department_ids(user, Scope.VIEW)
    return set() if ids is ALL else set(ids)


def incomplete_items(user) -> list:
    """The user's departments' items citing articles without their text (see
    ``catalog.legal.selectors.items_missing_article_texts``)."""
    departments = department_scope(user)
    if not departments:
        return []
    items = CertificateItem.objects.filter(department_id__in=departments)
    return items_missing_article_texts(items)


class ReviewFlagsPanel(Component):
    """依据变更需复核: the open flags of the items the user may see."""

    name = "review_flags"
    order = 92
    template_name = "publishing/panels/review_flags.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        flags = open_flags(user)
        rows = [(flag, item_link(user, flag.item)) for flag in flags[:LIMIT]]
        return {"rows": rows, "total": flags.count(), "report_url": reverse("review_flags")}


class IncompleteTextsPanel(Component):
    """缺少条文内容的证明事项: on the dashboard of a department's staff."""

    name = "incomplete_texts"
    order = 105
    template_name = "publishing/panels/incomplete_texts.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        found = incomplete_items(user)
        rows = [(item, citations, item_link(user, item)) for item, citations in found[:LIMIT]]
        return {"rows": rows, "total": len(found)}


class LetterWordingReviewPanel(Component):
    """告知承诺书文本: a change waiting for this reviewer's decision (never the user's own), or
    the user's own change sent back. Shown only then."""

    name = "letter_wording_review"
    order = 91
    template_name = "publishing/panels/letter_wording.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        wording = LetterWording.objects.order_by("pk").first()
        state = wording.current_workflow_state if wording else None
        context = {"request": self.request, "awaiting": False, "sent_back": None}
        if state is None:
            return context
        task_state = state.current_task_state
        if state.status == state.STATUS_IN_PROGRESS and task_state is not None:
            draft = task_state.revision.as_object()
            context["awaiting"] = bool(task_state.task.specific.get_actions(draft, user))
        elif state.status == state.STATUS_NEEDS_CHANGES and state.requested_by_id == user.pk:
            context["sent_back"] = task_state
        return context

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context)
        if not context["awaiting"] and context["sent_back"] is None:
            return ""
        return get_template(self.template_name).render(context)
