"""The countersign step (会签) of a review route, configured in Wagtail's workflow admin.

A countersign task names the department whose leaders (or editors) countersign, and a
condition: the matter types (事项类型) and/or the departments (实施机关) of the records it applies
to. When the record under review does not meet the condition the step is skipped, with the
reason written on the task state and in the record's history (docs/adr/021-review-routes.md).
"""

from django import forms
from django.db import models
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import TaskState

from permissions.enums import Role
from permissions.scope import Scope, granted_department_ids
from vocabularies import reader
from vocabularies.enums import Vocabulary
from vocabularies.registry import registry

from .review import ScopedReviewTask

COUNTERSIGN_SKIPPED = "publishing.countersign_skipped"


class MatterTypesField(models.JSONField):
    """A list of matter type codes, offered as check boxes in the task's admin form (the
    active terms; a retired one the task still names stays offered while it is ticked)."""

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=lambda: [
                (row.code, row.choice_label)
                for row in reader.terms(Vocabulary.MATTER_TYPE, include_retired=True)
            ],
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


class CountersignerRole(models.TextChoices):
    LEADER = Role.LEADER.value, "分管领导"
    EDITOR = Role.EDITOR.value, "部门编辑"


class CountersignTask(ScopedReviewTask):
    """Another department countersigns records of chosen matter types or departments."""

    countersign_department = models.ForeignKey(
        "catalog.Department",
        verbose_name="会签单位",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="由该单位的人员会签，例如旗政务服务局。",
    )
    countersigner_role = models.CharField(
        "会签人员",
        max_length=16,
        choices=CountersignerRole.choices,
        default=CountersignerRole.LEADER,
        help_text="会签单位中由哪一角色的人员会签。",
    )
    matter_types = MatterTypesField(
        "适用事项类型",
        default=list,
        blank=True,
        help_text="只对这些事项类型的证明事项和办事指南会签；不选表示不限事项类型。",
    )
    departments = models.ManyToManyField(
        "catalog.Department",
        verbose_name="适用实施机关",
        blank=True,
        related_name="+",
        help_text="只对这些单位的证明事项和办事指南会签；不选表示不限单位。"
        "同时选择事项类型和单位时，须两者都符合才会签。",
    )

    admin_form_fields = [
        *ScopedReviewTask.admin_form_fields,
        "countersign_department",
        "countersigner_role",
        "matter_types",
        "departments",
    ]
    admin_form_widgets = {"departments": forms.CheckboxSelectMultiple}

    class Meta:
        verbose_name = "会签"
        verbose_name_plural = "会签"

    @classmethod
    def get_description(cls):
        return (
            "指定单位的分管领导或部门编辑会签选定事项类型或选定单位的证明事项和办事指南；"
            "不属于会签范围的自动跳过。"
        )

    # -- the condition ----------------------------------------------------------------------

    def skip_reason(self, obj) -> str:
        """Why the step does not apply to ``obj`` (the version under review), or ""."""
        matter_types = list(self.matter_types or [])
        if matter_types and obj.matter_type not in matter_types:
            label = obj.get_matter_type_display() if obj.matter_type else "未填写"
            return f"事项类型“{label}”不在本会签步骤的适用范围内，自动跳过。"
        department_ids = set(self.departments.values_list("pk", flat=True))
        if department_ids and obj.department_id not in department_ids:
            return f"实施机关“{obj.department}”不在本会签步骤的适用范围内，自动跳过。"
        return ""

    def applies_to(self, obj) -> bool:
        return not self.skip_reason(obj)

    def skips(self, workflow_state) -> bool:
        revision = workflow_state.content_object.get_latest_revision()
        return bool(self.skip_reason(revision.as_object()))

    def start(self, workflow_state, user=None):
        record = workflow_state.content_object
        revision = record.get_latest_revision()
        reason = self.skip_reason(revision.as_object())
        if not reason:
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.status = TaskState.STATUS_SKIPPED
        task_state.revision = revision
        task_state.task = self
        task_state.finished_at = timezone.now()
        task_state.comment = reason
        task_state.save()
        log(
            instance=record,
            action=COUNTERSIGN_SKIPPED,
            data={"task": {"id": self.pk, "title": self.name}, "reason": reason},
            revision=revision,
            user=user,
        )
        return task_state

    # -- who countersigns -------------------------------------------------------------------

    def _scope(self) -> Scope:
        return Scope.LEAD if self.countersigner_role == CountersignerRole.LEADER else Scope.EDIT

    def user_is_countersigner(self, user) -> bool:
        """A holder of the role in the countersigning department itself (global roles such as
        the justice bureau's and superusers do not count)."""
        if not user.is_active or user.is_superuser:
            return False
        return self.countersign_department_id in granted_department_ids(user, self._scope())

    def user_may_review(self, obj, user) -> bool:
        return self.user_is_countersigner(user)

    def user_can_access_editor(self, obj, user):
        # Countersigners of another department decide on the review screen; the record's edit
        # form stays with its own department and the justice bureau.
        return False

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self.user_is_countersigner(user):
            return TaskState.objects.none()
        return self._in_progress_states()


def _countersign_matter_type_uses(code: str) -> int:
    """Countersign steps naming the matter type (a term they name is not deleted, ADR 023)."""
    return sum(code in (task.matter_types or []) for task in CountersignTask.objects.all())


registry.add_counter(Vocabulary.MATTER_TYPE, _countersign_matter_type_uses)
