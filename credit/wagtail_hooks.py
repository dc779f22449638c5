"""Admin registration only: the credit register's pages, menu item, the grading-rule and
period listings (justice bureau), and the stricter-verification note on a task's page."""

from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from commitments.letters.enums import LETTER_SECTIONS_HOOK
from commitments.verification.enums import TASK_SECTIONS_HOOK

from . import figures, stricter_views, views
from .models import StricterVerificationApplied
from .rules import VIEW
from .viewsets import grade_period_viewset, grading_rule_viewset


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("credit/", views.record_list, name="credit_list"),
        path("credit/new/", views.record_new, name="credit_new"),
        path("credit/<int:pk>/", views.record_detail, name="credit_detail"),
        path("credit/<int:pk>/<slug:action>/", views.record_action, name="credit_action"),
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [grading_rule_viewset, grade_period_viewset]


class CreditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW)


@hooks.register("register_admin_menu_item")
def credit_menu_item():
    return CreditMenuItem("失信记录", reverse("credit_list"), icon_name="warning", order=169)


@hooks.register(TASK_SECTIONS_HOOK)
def stricter_rule_section(request, task):
    applied = getattr(task, "credit_rule", None)
    if applied is None:
        return ""
    return format_html(
        '<p class="help-block help-warning">适用从严核查规则：{}</p>', applied.description
    )


@hooks.register(LETTER_SECTIONS_HOOK)
def stricter_rule_on_letter(request, letter):
    applied = StricterVerificationApplied.objects.filter(task__letter=letter).first()
    if applied is None:
        return ""
    return format_html(
        '<p class="help-block help-warning">核查方式：适用从严核查规则（{}）。</p>',
        applied.description,
    )


@hooks.register("register_admin_urls")
def register_stricter_urls():
    return [path("credit/stricter/", stricter_views.stricter_settings, name="credit_stricter")]


@hooks.register("supervision_figures")  # supervision.figures.SUPERVISION_FIGURES_HOOK
def credit_supervision_figures():
    return figures.supervision_figures()
