"""The filters of the item and service-guide listings, with the editorial status and its counts.

The status is ``catalog.models.items.STATUS_RULES`` (the same definition as the status column).
Each status choice shows how many rows it would list: the counts are taken in the user's
department scope, after the search and every other active filter, so that choosing a status
lists exactly the number it shows.
"""

import django_filters
from django import forms
from django_filters.constants import EMPTY_VALUES
from wagtail.admin.filters import WagtailFilterSet

from permissions.policy import departments_user_can_view
from permissions.scope import Scope, filter_by_scope
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .enums import ItemStatus
from .models import CertificateItem, Department, ServiceGuide
from .models.items import STATUS_ANNOTATION, editorial_status_counts, with_editorial_status

ALL_LABEL = "全部"
# The listing's choices read as a list of states; the column says 已发布（有待审修改）.
FILTER_LABELS = {ItemStatus.PUBLISHED_WITH_CHANGES: "有待审修改"}


def status_filter_label(status: ItemStatus) -> str:
    return FILTER_LABELS.get(status, status.label)


def _counted(label: str, count: int) -> str:
    return f"{label}（{count}）"


class EditorialStatusFilter(django_filters.ChoiceFilter):
    """草稿 / 审核中 / 已退回 / 已发布 / 有待审修改 / 已撤回, as ``STATUS_RULES`` defines them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "状态")
        kwargs.setdefault("choices", [(s.value, status_filter_label(s)) for s in ItemStatus])
        kwargs.setdefault("empty_label", ALL_LABEL)
        kwargs.setdefault("widget", forms.RadioSelect)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return with_editorial_status(qs).filter(**{STATUS_ANNOTATION: value})


def _departments_in_scope(request):
    return departments_user_can_view(request.user) if request else Department.objects.none()


class EditorialListingFilterSet(WagtailFilterSet):
    """A reviewed snippet's listing filters. The queryset is always cut to the user's view
    scope, whatever the caller passes; the status choices carry their counts."""

    status = EditorialStatusFilter()
    department = django_filters.ModelChoiceFilter(
        label="实施机关", queryset=_departments_in_scope, empty_label=ALL_LABEL
    )
    matter_type = django_filters.ChoiceFilter(
        label="事项类型",
        choices=lambda: reader.choices(Vocabulary.MATTER_TYPE, include_retired=True),
        empty_label=ALL_LABEL,
        widget=forms.RadioSelect,
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        user = getattr(request, "user", None)
        if user is None:
            self.queryset = self.queryset.none()
        else:
            self.queryset = filter_by_scope(self.queryset, user, Scope.VIEW)

    @property
    def form(self):
        form = super().form
        if not getattr(self, "_status_counted", False):
            self._status_counted = True
            self._count_statuses(form)
        return form

    def status_counts(self, form) -> dict[ItemStatus, int]:
        """Counts per status under every other valid filter value of ``form``."""
        queryset = self.queryset
        form.is_valid()
        for name, value in getattr(form, "cleaned_data", {}).items():
            if name != "status" and name in self.filters:
                queryset = self.filters[name].filter(queryset, value)
        return editorial_status_counts(queryset)

    def _count_statuses(self, form) -> None:
        counts = self.status_counts(form)
        field = form.fields["status"]
        field.empty_label = _counted(ALL_LABEL, sum(counts.values()))
        # setting the choices rebuilds the widget's choices, the empty label first
        field.choices = [(s.value, _counted(status_filter_label(s), counts[s])) for s in ItemStatus]


class CertificateItemFilterSet(EditorialListingFilterSet):
    focus_area = django_filters.ChoiceFilter(
        label="重点领域",
        choices=lambda: reader.choices(Vocabulary.FOCUS_AREA, include_retired=True),
        empty_label=ALL_LABEL,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = CertificateItem
        fields = ["status", "department", "matter_type", "focus_area"]


class ServiceGuideFilterSet(EditorialListingFilterSet):
    class Meta:
        model = ServiceGuide
        fields = ["status", "department", "matter_type"]


class EditorialStatusIndexMixin:
    """For the listings of items and guides: rows carry their status (one query for the page),
    and the filter counts over the listing's own scoped and searched queryset. The results
    carry the counts, so that ``status_counts.js`` updates them after in-place changes."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.results_template_name = "catalog/admin/index_results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.filters and "status" in self.filters.form.fields:
            choices = self.filters.form.fields["status"].choices
            context["status_count_labels"] = {str(value): str(label) for value, label in choices}
            context["media"] = context["media"] + forms.Media(js=["catalog/admin/status_counts.js"])
        return context

    def get_base_queryset(self):
        return with_editorial_status(super().get_base_queryset())

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.search_queryset(self.get_base_queryset())
        return kwargs
