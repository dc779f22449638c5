"""Review workflow tasks (items and service guides), withdrawals and numbered catalog revisions."""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.forms import TaskStateCommentForm
from wagtail.models import Task, TaskState

from catalog.text import CleanTextFormMixin, CleanTextMixin
from catalog.validation import review_blockers
from permissions.scope import Scope, department_ids, in_scope, is_reviewer

from ..enums import RevisionChange


class SendBackForm(CleanTextFormMixin, TaskStateCommentForm):
    comment = forms.CharField(
        label="退回意见",
        required=True,
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": "退回修改时必须填写意见，告诉编辑需要改什么。"},
    )


class ApproveWithCommentForm(CleanTextFormMixin, TaskStateCommentForm):
    comment = forms.CharField(label="审核意见", required=False, widget=forms.Textarea({"rows": 3}))


def reviewed_models():
    """The models that go through the review workflow; each has a ``department``."""
    from catalog.models import CertificateItem, ServiceGuide

    return (CertificateItem, ServiceGuide)


def is_own_submission(task_state_or_obj, user) -> bool:
    """True when ``user`` submitted the workflow or wrote the revision under review."""
    workflow_state = getattr(task_state_or_obj, "current_workflow_state", None)
    if workflow_state is None:
        workflow_state = getattr(task_state_or_obj, "workflow_state", None)
    if workflow_state is None:
        return False
    if workflow_state.requested_by_id == user.pk:
        return True
    task_state = workflow_state.current_task_state
    return bool(task_state and task_state.revision and task_state.revision.user_id == user.pk)


class ScopedReviewTask(Task):
    """Shared behaviour of the two review steps: act on what you may review, never your own."""

    send_back_label = "退回修改"
    # True only for the justice bureau's review: its approval, the last step of every route,
    # publishes (publishing.workflows.publish_reviewed_revision checks it).
    publishes = False

    class Meta:
        abstract = True

    def user_may_review(self, obj, user) -> bool:
        raise NotImplementedError

    def skips(self, workflow_state) -> bool:
        """True when starting this step for ``workflow_state`` would skip it (``start`` then
        records a skipped task state)."""
        return False

    def user_can_access_editor(self, obj, user):
        return self.user_may_review(obj, user)

    def locked_for_user(self, obj, user):
        # Editors may keep editing during review; WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT
        # sends an edited item through review again.
        return False

    def get_actions(self, obj, user):
        if not self.user_may_review(obj, user) or is_own_submission(obj, user):
            return []
        actions = [("reject", self.send_back_label, True)]
        if not review_blockers(obj):
            actions += [("approve", "审核通过", False), ("approve", "审核通过并填写意见", True)]
        return actions

    def get_form_for_action(self, action):
        return SendBackForm if action == "reject" else ApproveWithCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.revision.as_object()
        allowed = {name for name, _label, _modal in self.get_actions(obj, user)}
        if action_name not in allowed:
            raise PermissionDenied(f"您不能对该{obj._meta.verbose_name}执行此审核操作。")
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied("退回修改时必须填写意见。")
        return super().on_action(task_state, user, action_name, **kwargs)

    def _in_progress_states(self):
        return TaskState.objects.filter(task=self, status=TaskState.STATUS_IN_PROGRESS)

    def _filter_states_by_departments(self, states, ids):
        """Task states of objects (items or guides) whose department is in ``ids``."""
        if ids is None:
            return states
        condition = models.Q(pk__in=[])
        for model in reviewed_models():
            object_ids = (
                model.objects.filter(department__in=ids)
                .annotate(pk_str=Cast("pk", models.CharField()))
                .values("pk_str")
            )
            condition |= models.Q(
                workflow_state__base_content_type=ContentType.objects.get_for_model(model),
                workflow_state__object_id__in=object_ids,
            )
        return states.filter(condition)


class DepartmentLeaderApprovalTask(ScopedReviewTask):
    """The department's leader in charge approves before the justice bureau sees the item or
    guide. Skipped when its department has no active leader.
    """

    class Meta:
        verbose_name = "分管领导审批"
        verbose_name_plural = "分管领导审批"

    @classmethod
    def get_description(cls):
        return "所属单位的分管领导审批本单位提交的证明事项和办事指南；单位没有分管领导时自动跳过。"

    def user_may_review(self, obj, user) -> bool:
        return in_scope(user, Scope.LEAD, obj.department_id) and not user.is_superuser

    def skips(self, workflow_state) -> bool:
        from permissions.services import department_has_leader

        return not department_has_leader(workflow_state.content_object.department)

    def start(self, workflow_state, user=None):
        item = workflow_state.content_object
        if not self.skips(workflow_state):
            return super().start(workflow_state, user=user)
        task_state = self.get_task_state_class()(workflow_state=workflow_state)
        task_state.status = TaskState.STATUS_SKIPPED
        task_state.revision = item.get_latest_revision()
        task_state.task = self
        task_state.finished_at = timezone.now()
        task_state.comment = "本单位未设分管领导，自动跳过。"
        task_state.save()
        return task_state

    def get_task_states_user_can_moderate(self, user, **kwargs):
        ids = department_ids(user, Scope.LEAD)
        if ids is not None and not ids:
            return TaskState.objects.none()
        return self._filter_states_by_departments(self._in_progress_states(), ids)


class JusticeBureauReviewTask(ScopedReviewTask):
    """The justice bureau (司法局) approves, which publishes exactly the reviewed revision."""

    class Meta:
        verbose_name = "司法局审核"
        verbose_name_plural = "司法局审核"

    publishes = True

    @classmethod
    def get_description(cls):
        return "旗司法局审核员审核各单位提交的证明事项和办事指南，审核通过即发布。"

    def user_may_review(self, obj, user) -> bool:
        return is_reviewer(user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not is_reviewer(user):
            return TaskState.objects.none()
        return self._in_progress_states()


class BannerWideReviewTask(ScopedReviewTask):
    """The justice bureau's review of what belongs to the whole banner, not to a department
    (content pages, the letter wording): a 司法局审核员 approves or sends back, never on what
    they submitted or wrote, and a superuser is no reviewer here; approval publishes. Items'
    review blockers do not apply."""

    publishes = True  # its approval ends the workflow (publishing.workflows)

    class Meta:
        abstract = True

    def user_may_review(self, obj, user) -> bool:
        return is_reviewer(user) and not user.is_superuser

    def get_actions(self, obj, user):
        if not self.user_may_review(obj, user) or is_own_submission(obj, user):
            return []
        return [
            ("reject", self.send_back_label, True),
            ("approve", "审核通过", False),
            ("approve", "审核通过并填写意见", True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not is_reviewer(user):
            return TaskState.objects.none()
        return self._in_progress_states()


class ItemWithdrawal(CleanTextMixin, models.Model):
    """A reviewer's decision to take an item out of the public catalog, with the reason."""

    item = models.ForeignKey(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.PROTECT,
        related_name="withdrawals",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="撤回时的发布版本",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )
    reason = models.TextField("撤回理由")
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="撤回人", on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField("撤回时间", default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "撤回记录"
        verbose_name_plural = "撤回记录"
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return f"“{self.item}”的撤回记录（{timezone.localtime(self.withdrawn_at):%Y-%m-%d}）"


class GuideWithdrawal(CleanTextMixin, models.Model):
    """A reviewer's decision to take a service guide off the public site, with the reason."""

    guide = models.ForeignKey(
        "catalog.ServiceGuide",
        verbose_name="办事指南",
        on_delete=models.PROTECT,
        related_name="withdrawals",
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="撤回时的发布版本",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )
    reason = models.TextField("撤回理由")
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="撤回人", on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField("撤回时间", default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "办事指南撤回记录"
        verbose_name_plural = "办事指南撤回记录"
        ordering = ["-withdrawn_at"]

    def __str__(self):
        return f"“{self.guide}”的撤回记录（{timezone.localtime(self.withdrawn_at):%Y-%m-%d}）"


class CatalogRevision(CleanTextMixin, models.Model):
    """A numbered edition of the published catalog, e.g. 2021年第1版."""

    year = models.PositiveSmallIntegerField("年度")
    number = models.PositiveSmallIntegerField("版次")
    note = models.TextField("说明", blank=True)
    published_at = models.DateTimeField("发布时间", default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发布人", on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "目录版本"
        verbose_name_plural = "目录版本"
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="unique_revision_number")
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("public:revision", args=[self.pk])

    @property
    def label(self) -> str:
        return f"{self.year}年第{self.number}版"


class CatalogRevisionEntry(CleanTextMixin, models.Model):
    """One item's place in a catalog revision: the live revision it had, and what changed."""

    catalog_revision = models.ForeignKey(
        CatalogRevision, on_delete=models.CASCADE, related_name="entries"
    )
    item = models.ForeignKey(
        "catalog.CertificateItem", on_delete=models.PROTECT, related_name="catalog_entries"
    )
    item_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.PROTECT, related_name="+", null=True
    )
    change = models.CharField("变化", max_length=16, choices=RevisionChange.choices)
    # Snapshots, so that the change list reads the same after later edits.
    item_name = models.CharField("证明名称", max_length=200)
    purpose = models.CharField("证明用途", max_length=300)
    department_name = models.CharField("实施机关", max_length=100)

    class Meta:
        verbose_name = "目录版本条目"
        verbose_name_plural = "目录版本条目"
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["catalog_revision", "item"], name="unique_item_per_catalog_revision"
            )
        ]

    def __str__(self):
        return f"{self.catalog_revision} {self.get_change_display()} {self.item_name}"
