"""Admin views of certificate items, service guides and departments, scoped to the user's
departments.

Wagtail's snippet views check model permissions only (DESIGN.md). Here every URL that carries
an object's pk is checked against its department before Wagtail's view runs, the listing,
export and chooser are filtered by the department scope, and the edit form offers only the
user's departments. Direct publication is removed: items and guides are published by approving
the review. ``DepartmentScopedSnippetViewSet`` holds all of it; the item and guide viewsets
only name their model, columns and filters.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, UpdatedAtColumn
from wagtail.admin.utils import get_latest_str
from wagtail.models import Revision, TaskState, WorkflowState
from wagtail.snippets.side_panels import SnippetStatusSidePanel
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import (
    CreateView,
    DeleteView,
    EditView,
    HistoryView,
    IndexView,
    PreviewOnEditView,
    PreviewRevisionView,
    RevisionsCompareView,
    SnippetViewSet,
    UnpublishView,
    WorkflowHistoryDetailView,
    WorkflowHistoryView,
)

from permissions.scope import Scope, filter_by_scope, in_scope
from search.admin_search import ChineseSearchIndexViewMixin
from vocabularies.filters import VocabularyFilterSet

from .action_menu import withdraw_url
from .enums import ItemStatus
from .filters import CertificateItemFilterSet, EditorialStatusIndexMixin, ServiceGuideFilterSet
from .models import CertificateItem, Department, ServiceGuide
from .models.items import STATUS_ANNOTATION
from .read_views import EditLinksForEditorsMixin, ReadLinksIndexMixin, RecordReadView
from .spreadsheets.views import DepartmentSpreadsheetButtons, ItemSpreadsheetButtons
from .workflow import review_summary, workflow_resubmit

STALE_MESSAGE = (
    "保存失败：在您编辑期间，{user}于{time}保存了新的版本。为避免覆盖他人的修改，"
    "本次修改没有保存。请复制您的修改内容，刷新页面后在最新版本上重新编辑。"
)
ALREADY_IN_REVIEW_MESSAGE = (
    "提交失败：该{noun}已在审核中（可能是您在另一个窗口或其他人已经提交），不能再次提交，"
    "这次提交什么也没有写入。请刷新页面查看审核状态；审核中仍可修改并保存，修改后的版本需要重新审核。"
)
OTHER_DEPARTMENT_MESSAGE = "您没有权限访问该证明事项：它属于您无权管理的单位。"
OTHER_DEPARTMENT_TEMPLATE = "您没有权限访问该{noun}：它属于您无权管理的单位。"


def other_department_message(model) -> str:
    return OTHER_DEPARTMENT_TEMPLATE.format(noun=model._meta.verbose_name)


# URL names that only show an item; every other URL with a pk changes it.
READ_ONLY_URLS = {
    "history",
    "history_results",
    "usage",
    "inspect",
    "revisions_view",
    "revisions_compare",
    "workflow_history",
    "workflow_history_detail",
    "workflow_preview",
    "workflow_action",
    "collect_workflow_action_data",
}
# URLs a reviewer-of-the-current-step may open without edit rights (Task.user_can_access_editor).
EDITOR_URLS = {"edit", "preview_on_edit"}


def _deny(request, model=CertificateItem):
    message = other_department_message(model)
    if request.headers.get("x-requested-with") == "XMLHttpRequest":
        raise PermissionDenied(message)
    messages.error(request, message)
    return redirect("wagtailadmin_home")


def user_may_open(user, item, url_name: str, method: str = "GET") -> bool:
    """The department check for one admin URL of one item.

    Whoever decides the current review step (a department leader) may open the edit form and
    its preview to read what they decide on, but not save it: saving needs the edit scope.
    """
    if url_name in READ_ONLY_URLS:
        return in_scope(user, Scope.VIEW, item.department_id)
    if in_scope(user, Scope.EDIT, item.department_id):
        return True
    saving = url_name == "edit" and method not in ("GET", "HEAD")
    if url_name in EDITOR_URLS and not saving and in_scope(user, Scope.VIEW, item.department_id):
        task = item.current_workflow_task
        return bool(task and task.specific.user_can_access_editor(item, user))
    return False


def department_scope_required(view, url_name, model):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            obj = model._default_manager.filter(pk=pk).only("pk", "department_id").first()
            allowed = obj is None or user_may_open(request.user, obj, url_name, request.method)
            if not allowed:
                return _deny(request, model)
        return view(request, *args, **kwargs)

    return wrapped


class HistoryLinkColumn(Column):
    cell_template_name = "catalog/admin/history_link_cell.html"

    def get_value(self, instance):
        return reverse("department_history", args=[instance.pk])


class StatusColumn(Column):
    cell_template_name = "catalog/admin/status_cell.html"

    def get_value(self, instance):
        # The listing's rows carry the status annotation (catalog.filters); same rules.
        annotated = getattr(instance, STATUS_ANNOTATION, None)
        return ItemStatus(annotated) if annotated else instance.status()


class ItemIndexView(ReadLinksIndexMixin, EditorialStatusIndexMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("department")

    def get_delete_url(self, instance):
        """Offer 删除 only on rows the user may delete: never-published records of their own
        departments (published ones leave the catalog by withdrawal)."""
        policy = self.permission_policy
        if policy.user_has_permission_for_instance(self.request.user, "delete", instance):
            return super().get_delete_url(instance)
        return None


class NoDirectPublishMixin:
    """Items and guides reach the public only through review: the editor offers no 'publish'
    action, and review decisions are taken on the review screen, never by saving the form."""

    def get_available_actions(self):
        blocked = {"publish", "workflow-action"}
        return [a for a in super().get_available_actions() if a not in blocked]

    def get_success_message(self, instance=None):
        # Wagtail's own messages for these actions have no zh-hans translation.
        noun = self.model._meta.verbose_name
        name = get_latest_str(instance or self.object)
        created = self.view_name == "create"
        return {
            "submit": f"{noun}“{name}”已{'创建并' if created else ''}提交审核。",
            "restart-workflow": f"{noun}“{name}”已重新提交审核。",
            "cancel-workflow": f"{noun}“{name}”已撤回审核申请，恢复为草稿。",
        }.get(self.action, f"{noun}“{name}”已{'创建' if created else '保存'}为草稿。")

    def get_error_message(self):
        return f"{self.model._meta.verbose_name}未能保存，请按字段旁的提示修改后重试。"


class ItemCreateView(NoDirectPublishMixin, CreateView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # A record is created by the clerk's own 保存草稿 or 提交审核, never by autosave in the
        # background: an autosave still in flight when the clerk submitted created the record a
        # second time. Autosave starts on the edit page, once the record exists.
        self.autosave_enabled = False


class ReviewStatusSidePanel(SnippetStatusSidePanel):
    """The status panel with the review state in the clerk's words (已退回修改, 审核中 at which
    step, by whom) instead of Wagtail's "In Moderation … Changes requested … ago"."""

    def get_status_templates(self, context):
        templates = super().get_status_templates(context)
        return [REVIEW_STATUS_TEMPLATE if t == WAGTAIL_STATUS_TEMPLATE else t for t in templates]

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        if self.object.pk:
            context["review"] = review_summary(self.object)
        return context


WAGTAIL_STATUS_TEMPLATE = "wagtailadmin/shared/side_panels/includes/status/workflow.html"
REVIEW_STATUS_TEMPLATE = "catalog/admin/status_review.html"


class ItemEditView(NoDirectPublishMixin, EditView):
    def get_side_panels(self):
        panels = super().get_side_panels()
        for panel in panels:
            if type(panel) is SnippetStatusSidePanel:
                panel.__class__ = ReviewStatusSidePanel  # same panel, our status template
        return panels

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["review"] = review_summary(self.object)
        context["record_noun"] = self.model._meta.verbose_name
        return context

    def submit_action(self):
        """A record sent back starts its review again at the first step that has not approved
        the current version (catalog.workflow), not at the step that sent it back."""
        state = self.workflow_state
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            workflow_resubmit(state, self.request.user)
            return None
        return super().submit_action()

    @cached_property
    def overwrite_revision(self):
        """Autosave overwrites the user's own latest revision in place, but never one under
        review (that would change what the reviewer sees without a new revision and
        re-approval), and never one that is no longer the latest: then a new revision is made."""
        revision_id = self.request.POST.get("overwrite_revision_id")
        if not revision_id:
            return None
        try:
            revision = self.object.revisions.get(pk=revision_id)
        except (Revision.DoesNotExist, ValueError) as e:
            raise PermissionDenied("要覆盖的版本不存在。") from e
        if TaskState.objects.filter(revision=revision).exists():
            raise PermissionDenied("该版本已提交审核，不能覆盖。请保存为新的版本。")
        if revision.pk != self.object.latest_revision_id:
            return None
        return revision

    def conflicting_revision(self):
        """The newest revision that *someone else* saved after this form was loaded, if any.

        The form knows the revision it was loaded from (``loaded_revision_id`` and its
        ``loaded_revision_created_at``), and autosave tells which revision it keeps writing
        (``overwrite_revision_id``). The user's own revisions (autosaves, or a save in another
        tab) never conflict with their own form: the form holds everything they typed.
        """
        post = self.request.POST
        baseline_id = post.get("overwrite_revision_id") or post.get("loaded_revision_id")
        if not baseline_id or not str(baseline_id).isdigit():
            return None
        others = self.object.revisions.exclude(user=self.request.user).order_by("-created_at")
        newer = others.filter(pk__gt=int(baseline_id)).select_related("user").first()
        if newer is not None:
            return newer
        # The loaded revision itself may have been autosaved over by its author since.
        loaded_at = post.get("loaded_revision_created_at")
        if loaded_at and not post.get("overwrite_revision_id"):
            loaded = others.filter(pk=int(baseline_id)).select_related("user").first()
            if loaded is not None and loaded.created_at.isoformat() != loaded_at:
                return loaded
        return None

    @cached_property
    def is_out_of_date(self):
        # Also used by Wagtail for autosave requests: the same rule applies to them.
        return self.conflicting_revision() is not None

    def stale_message(self, revision) -> str:
        user = revision.user
        who = (user.get_full_name() or user.get_username()) if user else "其他用户"
        when = timezone.localtime(revision.created_at).strftime("%m月%d日 %H:%M")
        return STALE_MESSAGE.format(user=who, time=when)

    def is_valid(self, form):
        if not self.expects_json_response:
            revision = self.conflicting_revision()
            if revision is not None:
                form.add_error(None, ValidationError(self.stale_message(revision)))
                self.produced_error_message = form.non_field_errors()[0]
                return False
        return super().is_valid(form)

    def save_instance(self):
        """Check again with the row locked, inside the save transaction: two saves that both
        passed ``is_valid`` at the same moment must not both be written (the later one would
        silently replace the earlier one's revision)."""
        type(self.object)._default_manager.select_for_update().filter(pk=self.object.pk).first()
        revision = self.conflicting_revision()
        if revision is not None:
            raise PermissionDenied(self.stale_message(revision))
        submitting = getattr(self, "action", None) == "submit"
        if submitting and self.in_review_now():
            # Refused before the revision is written (Wagtail's form_valid turns this into the
            # form's error message and rolls the save back): a second review of the same
            # record would be refused by the database after the save.
            raise PermissionDenied(
                ALREADY_IN_REVIEW_MESSAGE.format(noun=self.model._meta.verbose_name)
            )
        instance = super().save_instance()
        if submitting:
            # The submission joins the save's transaction and row lock: both happen or neither.
            self.object = instance
            self.submit_action()
            self.submitted_with_save = True
        return instance

    def run_action_method(self):
        if getattr(self, "submitted_with_save", False):
            return None
        return super().run_action_method()

    def in_review_now(self) -> bool:
        """Whether a review of this record is in progress, read now (the form may be older)."""
        return (
            WorkflowState.objects.for_instance(self.object)
            .filter(status=WorkflowState.STATUS_IN_PROGRESS)
            .exists()
        )

    def get_error_message(self):
        if getattr(self, "produced_error_message", None):
            return self.produced_error_message
        return super().get_error_message()


class ItemDeleteView(DeleteView):
    """Only never-published drafts can be deleted; published items are withdrawn instead."""

    def dispatch(self, request, *args, **kwargs):
        if self.object.first_published_at:
            messages.error(
                request,
                f"“{self.object}”已经发布过，不能删除，以免丢失发布记录。"
                "如需从目录中去掉，请由司法局审核员“从目录中撤回”。",
            )
            return redirect(reverse(self.edit_url_name, args=[self.object.pk]))
        return super().dispatch(request, *args, **kwargs)


class WithdrawRedirectView(UnpublishView):
    """Wagtail's "unpublish" URL of items and guides leads to the justice bureau's withdrawal
    page (publishing's ``publishing_withdraw``, looked up by name: withdrawal is publishing's
    business, with a reason and a record, and it checks who may withdraw)."""

    def dispatch(self, request, *args, **kwargs):
        query = request.META.get("QUERY_STRING", "")
        url = withdraw_url(self.model, kwargs["pk"])
        return redirect(f"{url}?{query}" if query else url)


# Supervisors read everything: the read-only history views need "view", not "change".
class ItemHistoryView(EditLinksForEditorsMixin, HistoryView):
    any_permission_required = ["add", "change", "delete", "view"]


class ItemPreviewOnEditView(PreviewOnEditView):
    """The edit page's preview panel. Wagtail asks for "change"; the URL wrapper already limits
    this URL to the department's editors and to whoever decides the current review step (a
    leader, a reviewer), who must see the preview of what they decide on."""

    permission_required = "view"


class ItemRevisionsCompareView(EditLinksForEditorsMixin, RevisionsCompareView):
    permission_required = "view"


class ItemPreviewRevisionView(PreviewRevisionView):
    permission_required = "view"


class ItemWorkflowHistoryView(EditLinksForEditorsMixin, WorkflowHistoryView):
    permission_required = "view"


class ItemWorkflowHistoryDetailView(EditLinksForEditorsMixin, WorkflowHistoryDetailView):
    permission_required = "view"


class ScopedChooseMixin:
    """The snippet chooser lists and returns only objects of the user's departments."""

    def get_object_list(self):
        return filter_by_scope(super().get_object_list(), self.request.user, Scope.VIEW)


class ScopedChooseView(ScopedChooseMixin, ChooseView):
    pass


class ScopedChooseResultsView(ScopedChooseMixin, ChooseResultsView):
    pass


class ScopedChosenView(SnippetChosenView):
    def get_object(self, pk):
        qs = filter_by_scope(self.model_class.objects.all(), self.request.user, Scope.VIEW)
        return qs.get(pk=pk)


class ScopedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        qs = filter_by_scope(self.model_class.objects.all(), self.request.user, Scope.VIEW)
        return qs.filter(pk__in=pks)


class ScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ScopedChooseView
    choose_results_view_class = ScopedChooseResultsView
    chosen_view_class = ScopedChosenView
    chosen_multiple_view_class = ScopedChosenMultipleView


class DepartmentScopedSnippetViewSet(SnippetViewSet):
    """A reviewed snippet with a ``department``: every view scoped, no direct publishing."""

    add_to_admin_menu = True
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_class = RecordReadView
    index_view_class = ItemIndexView
    add_view_class = ItemCreateView
    edit_view_class = ItemEditView
    edit_template_name = "catalog/admin/edit.html"
    unpublish_view_class = WithdrawRedirectView
    delete_view_class = ItemDeleteView
    history_view_class = ItemHistoryView
    revisions_compare_view_class = ItemRevisionsCompareView
    preview_on_edit_view_class = ItemPreviewOnEditView
    revisions_view_class = ItemPreviewRevisionView
    workflow_history_view_class = ItemWorkflowHistoryView
    workflow_history_detail_view_class = ItemWorkflowHistoryDetailView
    chooser_viewset_class = ScopedChooserViewSet
    copy_view_enabled = False

    def get_queryset(self, request):
        qs = self.model._default_manager.select_related("department")
        return filter_by_scope(qs, request.user, Scope.VIEW)

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = department_scope_required(pattern.callback, pattern.name, self.model)
        return patterns


class CertificateItemIndexView(ItemSpreadsheetButtons, ChineseSearchIndexViewMixin, ItemIndexView):
    """Listing search that understands Chinese (simplified/traditional, widths, synonyms)."""


class CertificateItemViewSet(DepartmentScopedSnippetViewSet):
    model = CertificateItem
    index_view_class = CertificateItemIndexView
    icon = "doc-full"
    menu_label = "证明事项"
    menu_name = "certificate_items"
    menu_order = 100
    search_fields = ["name", "purpose", "requesting_unit", "issuing_unit"]
    list_display = [
        "name",
        "purpose",
        Column("department", label="实施机关", accessor="department"),
        StatusColumn("status", label="状态"),
        UpdatedAtColumn(),
    ]
    filterset_class = CertificateItemFilterSet
    list_export = ["name", "purpose", "department", "requesting_unit", "issuing_unit"]
    export_filename = "certificate-items"


class ServiceGuideIndexView(ChineseSearchIndexViewMixin, ItemIndexView):
    """Listing search that understands Chinese, like the items' listing."""


class ServiceGuideViewSet(DepartmentScopedSnippetViewSet):
    model = ServiceGuide
    index_view_class = ServiceGuideIndexView
    icon = "list-ul"
    menu_label = "办事指南"
    menu_name = "service_guides"
    menu_order = 110
    search_fields = ["name", "conditions", "hall"]
    list_display = [
        "name",
        Column("department", label="实施机关", accessor="department"),
        StatusColumn("status", label="状态"),
        UpdatedAtColumn(),
    ]
    filterset_class = ServiceGuideFilterSet
    list_export = [
        "name",
        "department",
        "statutory_time_limit_days",
        "promised_time_limit_days",
        "hall",
        "contact_phone",
    ]
    export_filename = "service-guides"


class DepartmentDeleteView(DeleteView):
    def post(self, request, *args, **kwargs):
        count = self.object.items.count()
        if count:
            messages.error(
                request,
                f"不能删除“{self.object}”：该单位还有 {count} 个证明事项（含草稿和已撤回的）。"
                "请先将这些事项移交其他单位。",
            )
            return redirect(self.get_success_url())
        try:
            return super().post(request, *args, **kwargs)
        except ProtectedError:
            messages.error(request, f"不能删除“{self.object}”：仍有记录引用该单位。")
            return redirect(self.get_success_url())


class DepartmentIndexView(DepartmentSpreadsheetButtons, IndexView):
    base_filterset_class = VocabularyFilterSet  # 单位类别: a choice of the terms


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "site"
    menu_label = "实施机关"
    menu_name = "departments"
    menu_order = 200
    add_to_admin_menu = True
    search_backend_name = None
    search_fields = ["name", "liaison_name"]
    list_display = [
        "name",
        "kind",
        "liaison_name",
        "liaison_office_phone",
        "public_phone",
        HistoryLinkColumn("history", label="变更记录"),
    ]
    list_filter = ["kind"]
    list_export = [
        "name",
        "kind",
        "leader_name",
        "leader_office_phone",
        "leader_mobile",
        "liaison_name",
        "liaison_office_phone",
        "liaison_mobile",
    ]
    delete_view_class = DepartmentDeleteView
    index_view_class = DepartmentIndexView
    inspect_view_enabled = True
    inspect_view_class = RecordReadView

    def get_queryset(self, request):
        return filter_by_scope(Department.objects.all(), request.user, Scope.VIEW, field="pk")
