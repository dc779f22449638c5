"""The read view of items, service guides and departments, and links that only lead where the
user may go.

Readers without edit rights on a record (supervisors, administrators, leaders, and editors who
hold a role elsewhere) open a record's read view: the fields of the edit form with their labels
and Chinese values (``catalog.inspect``), the legal bases as a table, the review state, and
links to history, compare and review records. The mixins here make the listing, history,
compare and workflow-history pages link to the edit form only for users who may edit that
record (permission *and* department), and to the read view for everybody else.
"""

from django.contrib.admin.utils import quote
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import InspectView

from permissions.scope import Scope, filter_by_scope

from .inspect import EMPTY, local_datetime, record_sections
from .models import Department
from .workflow import review_summary

READ_LABEL = "查看"
EDIT_LABEL = "编辑"


def user_may_edit(user, obj) -> bool:
    """The user may open ``obj``'s edit form for editing: the model permission and, for
    department records, the department in the user's edit scope."""
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_permission_for_instance(user, "change", obj)


def _viewset_url(obj, name: str, *args) -> str | None:
    viewset = getattr(type(obj), "snippet_viewset", None)
    if viewset is None:
        return None
    try:
        return reverse(viewset.get_url_name(name), args=(quote(obj.pk), *args))
    except NoReverseMatch:
        return None


def read_url(obj) -> str | None:
    return _viewset_url(obj, "inspect")


def _person(user) -> str:
    if user is None:
        return "（系统）"
    return user.get_full_name() or user.get_username()


class RecordReadView(InspectView):
    """A record as its edit form lays it out, for reading; see the module docstring."""

    template_name = "catalog/admin/read_view.html"
    page_title = READ_LABEL
    header_icon = "view"

    def get_object(self, queryset=None):
        queryset = self.model._default_manager.all()
        field = "pk" if self.model is Department else "department"
        queryset = filter_by_scope(queryset, self.request.user, Scope.VIEW, field=field)
        return get_object_or_404(queryset, pk=self.pk)

    # --- which version -------------------------------------------------------------------

    @cached_property
    def has_pending_changes(self) -> bool:
        """A published record with a newer, unpublished version."""
        return bool(
            isinstance(self.object, DraftStateMixin)
            and self.object.live
            and self.object.has_unpublished_changes
            and self.object.latest_revision_id
        )

    @cached_property
    def showing_live(self) -> bool:
        return self.has_pending_changes and self.request.GET.get("version") == "live"

    @cached_property
    def shown(self):
        """The version on the page: the latest (as the edit form shows it), or on request the
        published one."""
        obj = self.object
        if isinstance(obj, RevisionMixin) and obj.latest_revision_id and not self.showing_live:
            return obj.get_latest_revision_as_object()
        return obj

    # --- links ----------------------------------------------------------------------------

    @cached_property
    def may_edit(self) -> bool:
        return user_may_edit(self.request.user, self.object)

    def get_edit_url(self):
        if self.edit_url_name and self.may_edit:
            return reverse(self.edit_url_name, args=(quote(self.object.pk),))
        return None

    def get_delete_url(self):
        return None

    def get_breadcrumbs_items(self):
        items = [
            {"url": reverse(self.index_url_name), "label": self.model._meta.verbose_name_plural}
        ]
        items.append({"url": "", "label": READ_LABEL, "sublabel": self.get_page_subtitle()})
        return self.breadcrumbs_items + items

    @cached_property
    def header_buttons(self):
        if edit_url := self.get_edit_url():
            return [HeaderButton(EDIT_LABEL, url=edit_url, icon_name="edit")]
        return []

    @cached_property
    def header_more_buttons(self):
        return []

    def links(self) -> list[dict]:
        obj = self.object
        links = []
        if isinstance(obj, Department):
            links.append({"label": "变更记录", "url": reverse("department_history", args=[obj.pk])})
        else:
            links.append({"label": "历史记录", "url": _viewset_url(obj, "history")})
        if isinstance(obj, RevisionMixin):
            if self.has_pending_changes:
                links.append(
                    {
                        "label": "对比已发布版本与最新修改",
                        "url": _viewset_url(obj, "revisions_compare", "live", "latest"),
                    }
                )
            elif obj.revisions.count() > 1:
                links.append(
                    {
                        "label": "对比第一版与最新版本",
                        "url": _viewset_url(obj, "revisions_compare", "earliest", "latest"),
                    }
                )
        if isinstance(obj, WorkflowMixin) and obj.workflow_states.exists():
            links.append({"label": "审核记录", "url": _viewset_url(obj, "workflow_history")})
        if getattr(obj, "live", True) and hasattr(obj, "get_absolute_url"):
            links.append({"label": "公开页面", "url": obj.get_absolute_url()})
        return [link for link in links if link["url"]]

    # --- review state ---------------------------------------------------------------------

    def review_state(self) -> list[tuple[str, str]] | None:
        """(label, value) rows: status, current step, who submitted when, who sent it back
        with which comment, publication and withdrawal."""
        obj = self.object
        if not isinstance(obj, WorkflowMixin):
            return None
        review = review_summary(obj)  # the same account as the edit page's status panel
        rows = [("状态", "已退回修改" if review.is_sent_back else review.status.label)]
        if review.is_in_review or review.is_sent_back:
            rows.append(("提交人", review.submitted_by))
            rows.append(("提交时间", local_datetime(review.submitted_at)))
        if review.is_in_review:
            rows.append(("当前环节", review.step))
            if review.route:
                rows.append(("审核流程", review.route))
        if review.is_sent_back:
            rows.append(("退回环节", review.step))
            rows.append(("退回人", review.sent_back_by))
            rows.append(("退回时间", local_datetime(review.sent_back_at)))
            rows.append(("退回意见", review.comment or EMPTY))
        latest = obj.latest_revision
        if latest is not None:
            rows.append(
                ("最近修改", f"{_person(latest.user)}，{local_datetime(latest.created_at)}")
            )
        if obj.first_published_at:
            rows.append(("首次发布", local_datetime(obj.first_published_at)))
            rows.append(("最近发布", local_datetime(obj.last_published_at)))
        if not obj.live and obj.last_published_at:
            withdrawal = obj.withdrawals.select_related("withdrawn_by").first()
            if withdrawal is not None:
                rows.append(
                    (
                        "撤回",
                        f"{_person(withdrawal.withdrawn_by)}，"
                        f"{local_datetime(withdrawal.withdrawn_at)}",
                    )
                )
                rows.append(("撤回理由", withdrawal.reason))
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "sections": record_sections(self.shown),
                "review_state": self.review_state(),
                "links": self.links(),
                "has_pending_changes": self.has_pending_changes,
                "showing_live": self.showing_live,
                "read_url": self.request.path,
            }
        )
        return context

    def get_fields_context(self):
        return []  # the template renders ``sections``


class EditLinksForEditorsMixin:
    """For Wagtail's history, compare and workflow-history views of one record: the 编辑
    links (header button, breadcrumb, the history rows' 编辑 and 查看此版本 actions) only for
    users who may edit the record; everyone else gets 查看, the read view."""

    @cached_property
    def may_edit(self) -> bool:
        return user_may_edit(self.request.user, self.object)

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not self.may_edit:
            # The history rows' actions: 编辑 on the current draft, and "review this
            # version" (the revert form), which saves a new draft.
            self.edit_url_name = None
            self.revisions_revert_url_name = None
            self.revisions_unschedule_url_name = None

    def _edit_or_read_url(self) -> str | None:
        if self.may_edit and self.edit_url_name:
            return reverse(self.edit_url_name, args=(quote(self.object.pk),))
        return read_url(self.object)

    # HistoryView.get_edit_url(instance) and RevisionsCompareView.get_edit_url()
    def get_edit_url(self, *args):
        return self._edit_or_read_url()

    # The workflow history views
    @cached_property
    def edit_url(self):
        return self._edit_or_read_url()

    @cached_property
    def edit_label(self):
        return EDIT_LABEL if self.may_edit else READ_LABEL

    @cached_property
    def header_buttons(self):
        if url := self._edit_or_read_url():
            icon = "edit" if self.may_edit else "view"
            return [HeaderButton(self.edit_label, url=url, icon_name=icon)]
        return []


class ReadLinksIndexMixin:
    """The listing: a row's title and its 编辑 menu entry lead to the edit form only when the
    user may edit that row; otherwise the title leads to the read view (查看)."""

    def get_edit_url(self, instance):
        if user_may_edit(self.request.user, instance):
            return super().get_edit_url(instance)
        return None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        inspect_url = self.get_inspect_url(instance)
        for button in buttons:
            if inspect_url and getattr(button, "url", None) == inspect_url:
                button.label = READ_LABEL
                button.icon_name = "view"
        return buttons
