"""Admin registration only: review screens, catalog revisions, dashboard panels, signed
letters and the working-day calendar."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from permissions.scope import is_reviewer

from . import views
from .letters import views as letter_views
from .panels import AwaitingReviewPanel, MyDraftsPanel, SentBackPanel
from .workdays import views as workday_views

# Wagtail's own workflow panels are replaced by department-aware ones.
REPLACED_PANELS = {"user_objects_in_workflow_moderation", "workflow_objects_to_moderate"}


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("review/<int:pk>/", views.review_item, name="publishing_review"),
        path("review/guide/<int:pk>/", views.review_guide, name="publishing_review_guide"),
        path("letters/", letter_views.letter_list, name="letters_admin"),
        path("letters/register/", letter_views.letter_register_view, name="letter_register"),
        path("letters/<int:pk>/", letter_views.letter_detail, name="letter_admin_detail"),
        path(
            "letters/<int:pk>/withdraw/",
            letter_views.letter_withdraw_view,
            name="letter_admin_withdraw",
        ),
        path(
            "letters/<int:pk>/form-sent/",
            letter_views.letter_form_sent_view,
            name="letter_admin_form_sent",
        ),
        path("workdays/", workday_views.holiday_years, name="holiday_years"),
        path("workdays/add/", workday_views.holiday_year_edit, name="holiday_year_add"),
        path("workdays/<int:year>/", workday_views.holiday_year_edit, name="holiday_year_edit"),
        path("catalog-revisions/", views.catalog_revisions, name="catalog_revisions"),
    ]


class CatalogRevisionsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return is_reviewer(user) or user.has_perm("publishing.view_catalogrevision")


@hooks.register("register_admin_menu_item")
def catalog_revisions_menu_item():
    return CatalogRevisionsMenuItem(
        "目录版本", reverse("catalog_revisions"), icon_name="list-ol", order=150
    )


class LettersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("publishing.view_commitmentletter")


@hooks.register("register_admin_menu_item")
def letters_menu_item():
    return LettersMenuItem(
        "承诺书登记", reverse("letters_admin"), icon_name="doc-full-inverse", order=160
    )


class HolidaysMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.has_perm("publishing.view_holidayyear") or user.has_perm(
            "publishing.add_holidayyear"
        )


@hooks.register("register_settings_menu_item")
def holidays_menu_item():
    return HolidaysMenuItem("节假日安排", reverse("holiday_years"), icon_name="date", order=600)


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    panels[:] = [p for p in panels if getattr(p, "name", "") not in REPLACED_PANELS]
    panels.extend([AwaitingReviewPanel(request), SentBackPanel(request), MyDraftsPanel(request)])
