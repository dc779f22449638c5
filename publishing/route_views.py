"""Wagtail's workflow admin (设置 → 工作流), holding the review routes' invariants.

Wagtail's views, each with one check added (publishing/routes.py): a route for items or guides
is saved only when its last active step is the justice bureau's review; a step is disabled or
enabled again only when no route breaks; a route with records in review is not disabled; the
records in review on a changed route stand at its first step they have not passed. They are
mounted in front of Wagtail's own URLs (``urlpatterns`` below, included by cms/urls.py).
"""

from django import forms
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.workflows import BaseWorkflowPagesFormSet, WorkflowPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.views import workflows as wagtail_views
from wagtail.admin.widgets.workflows import AdminTaskChooser
from wagtail.models import Task, Workflow, WorkflowPage, WorkflowState

from .models import reviewed_models
from .routes import (
    OPEN_STATES,
    _reviewed_content_type_ids,
    route_errors,
    route_realign,
    routes_with_task,
    task_disable_refusal,
    task_enable_refusal,
    workflow_disable_refusal,
)


def workflow_edit_handler():
    """Wagtail's workflow form (``get_workflow_edit_handler``) with Chinese headings."""
    panels = [
        FieldPanel("name", heading="流程名称"),
        InlinePanel(
            "workflow_tasks",
            [FieldPanel("task", widget=AdminTaskChooser(show_clear_link=False))],
            heading="流程步骤（按顺序；证明事项和办事指南的流程最后一步必须是司法局审核）",
            label="步骤",
            icon="thumbtack",
        ),
    ]
    return ObjectList(panels, base_form_class=WagtailAdminModelForm).bind_to_model(Workflow)


def _tasks_in_form(form) -> list[Task]:
    """The steps the submitted form would save, in their order."""
    rows = []
    for index, child in enumerate(form.formsets["workflow_tasks"].forms):
        data = getattr(child, "cleaned_data", None) or {}
        if not data or data.get("DELETE") or not data.get("task"):
            continue
        order = data.get("ORDER")
        rows.append((order if order is not None else 10**6, index, data["task"]))
    return [task for _order, _index, task in sorted(rows, key=lambda r: (r[0], r[1]))]


class RoutePageForm(WorkflowPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].label = "页面"  # Wagtail's field has no label: "Page"


RoutePagesFormSet = forms.inlineformset_factory(
    Workflow,
    WorkflowPage,
    form=RoutePageForm,
    formset=BaseWorkflowPagesFormSet,
    extra=1,
    can_delete=True,
    fields=["page"],
)


class RouteFormMixin:
    def get_pages_formset(self):
        data = self.request.POST if self.request.method == "POST" else None
        return RoutePagesFormSet(data, instance=self.object, prefix="pages")

    def get_content_type_form(self):
        form = super().get_content_type_form()
        form.fields["content_types"].label = "内容类型"  # no label in Wagtail: "Content types"
        return form

    def get_edit_handler(self):
        if not self.edit_handler:
            self.edit_handler = workflow_edit_handler()
        return self.edit_handler

    def _is_review_route(self) -> bool:
        ct_ids = _reviewed_content_type_ids()
        content_type_form = getattr(self, "content_type_form", None)
        if content_type_form is not None and content_type_form.is_valid():
            chosen = {ct.pk for ct in content_type_form.cleaned_data.get("content_types") or []}
            if chosen & ct_ids:
                return True
        workflow = self.object
        if workflow is None or workflow.pk is None:
            return False
        if workflow.workflow_content_types.filter(content_type_id__in=ct_ids).exists() and (
            content_type_form is None
        ):
            return True
        return WorkflowState.objects.filter(
            workflow=workflow, status__in=OPEN_STATES, base_content_type_id__in=ct_ids
        ).exists()

    def is_valid(self, form):
        if not super().is_valid(form):
            return False
        if not self._is_review_route():
            return True
        errors = route_errors(_tasks_in_form(form))
        if errors:
            names = "和".join(m._meta.verbose_name for m in reviewed_models())
            message = f"{names}的审核流程未保存：{''.join(errors)}"
            form.add_error(None, message)
            self.produced_error_message = message
            return False
        return True


class WorkflowCreate(RouteFormMixin, wagtail_views.Create):
    pass


class WorkflowEdit(RouteFormMixin, wagtail_views.Edit):
    def form_valid(self, form):
        response = super().form_valid(form)
        moved = route_realign(self.object, user=self.request.user)
        if moved:
            messages.warning(
                self.request,
                f"有{moved}条记录正在按本流程审核，已按调整后的流程转到其尚未通过的第一个步骤。",
            )
        return response


class WorkflowDisable(wagtail_views.Disable):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        refusal = workflow_disable_refusal(self.object)
        if refusal:
            context["warning_message"] = refusal
        return context

    def post(self, request, *args, **kwargs):
        workflow = get_object_or_404(Workflow, pk=kwargs["pk"])
        refusal = workflow_disable_refusal(workflow)
        if refusal:
            messages.error(request, refusal)
            return redirect(reverse("wagtailadmin_workflows:edit", args=[workflow.pk]))
        return super().post(request, *args, **kwargs)


class TaskDisable(wagtail_views.DisableTask):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        refusal = task_disable_refusal(self.object)
        if refusal:
            context["warning_message"] = refusal
        return context

    def post(self, request, *args, **kwargs):
        task = get_object_or_404(Task, pk=kwargs["pk"])
        refusal = task_disable_refusal(task)
        if refusal:
            messages.error(request, refusal)
            return redirect(reverse("wagtailadmin_workflows:edit_task", args=[task.pk]))
        return super().post(request, *args, **kwargs)


def task_enable(request, pk):
    task = get_object_or_404(Task, pk=pk)
    if request.method == "POST" and not task.active:
        refusal = task_enable_refusal(task)
        if refusal:
            messages.error(request, refusal)
            return redirect(reverse("wagtailadmin_workflows:edit_task", args=[task.pk]))
    response = wagtail_views.enable_task(request, pk)
    task.refresh_from_db()
    if task.active:
        for workflow in routes_with_task(task):
            route_realign(workflow, user=request.user)
    return response


# Mounted under admin/ before Wagtail's own URLs (same paths, so Wagtail's URL names still
# resolve to them).
urlpatterns = [
    path("workflows/add/", require_admin_access(WorkflowCreate.as_view())),
    path("workflows/edit/<int:pk>/", require_admin_access(WorkflowEdit.as_view())),
    path("workflows/disable/<int:pk>/", require_admin_access(WorkflowDisable.as_view())),
    path("workflows/tasks/disable/<int:pk>/", require_admin_access(TaskDisable.as_view())),
    path("workflows/tasks/enable/<int:pk>/", require_admin_access(task_enable)),
]
