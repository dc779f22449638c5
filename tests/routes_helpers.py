"""Review routes for tests: a countersign step put into the default route."""

from wagtail.models import Workflow, WorkflowTask

from catalog.enums import MatterType
from publishing.models import CountersignTask
from publishing.services import WORKFLOW_NAME


def default_route() -> Workflow:
    return Workflow.objects.get(name=WORKFLOW_NAME)


def add_countersign(
    countersign_department,
    *,
    matter_types=(MatterType.LICENSING,),
    departments=(),
    role="leader",
    name="政务服务局会签",
    workflow=None,
) -> CountersignTask:
    """A countersign step before the justice bureau's (leader → countersign → justice bureau)."""
    workflow = workflow or default_route()
    task = CountersignTask.objects.create(
        name=name,
        countersign_department=countersign_department,
        countersigner_role=role,
        matter_types=list(matter_types),
    )
    task.departments.set(departments)
    steps = list(WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order"))
    steps.insert(len(steps) - 1, WorkflowTask(workflow=workflow, task=task))
    for order, step in enumerate(steps):
        step.sort_order = order
        step.save()
    return task


def step_names(obj) -> list[tuple[str, str]]:
    """(task name, status) of each step ``obj``'s current review went through, in order."""
    state = obj.current_workflow_state or obj.workflow_states.order_by("-pk").first()
    return [(s.task.name, s.status) for s in state.task_states.order_by("pk")]


def route_form_data(workflow, tasks, content_types=None, name=None) -> dict:
    """POST data of Wagtail's workflow form saving ``workflow`` with ``tasks`` in this order."""
    from django.contrib.contenttypes.models import ContentType

    from publishing.models import reviewed_models

    if content_types is None:
        content_types = [ContentType.objects.get_for_model(m) for m in reviewed_models()]
    existing = (
        list(WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order"))
        if workflow.pk
        else []
    )
    wanted = [t.pk for t in tasks]
    data = {
        "name": name or workflow.name,
        "workflow_tasks-INITIAL_FORMS": len(existing),
        "workflow_tasks-MIN_NUM_FORMS": 0,
        "workflow_tasks-MAX_NUM_FORMS": 1000,
        "pages-TOTAL_FORMS": 0,
        "pages-INITIAL_FORMS": 0,
        "pages-MIN_NUM_FORMS": 0,
        "pages-MAX_NUM_FORMS": 1000,
        "content_types": [ct.pk for ct in content_types],
    }
    i = 0
    for row in existing:
        data[f"workflow_tasks-{i}-id"] = row.pk
        data[f"workflow_tasks-{i}-task"] = row.task_id
        if row.task_id in wanted:
            data[f"workflow_tasks-{i}-ORDER"] = wanted.index(row.task_id) + 1
        else:
            data[f"workflow_tasks-{i}-ORDER"] = i + 1
            data[f"workflow_tasks-{i}-DELETE"] = "on"
        i += 1
    for task in tasks:
        if task.pk not in {row.task_id for row in existing}:
            data[f"workflow_tasks-{i}-id"] = ""
            data[f"workflow_tasks-{i}-task"] = task.pk
            data[f"workflow_tasks-{i}-ORDER"] = wanted.index(task.pk) + 1
            i += 1
    data["workflow_tasks-TOTAL_FORMS"] = i
    return data


def route_steps(workflow) -> list[str]:
    return [t.name for t in workflow.tasks]
