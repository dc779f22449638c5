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
