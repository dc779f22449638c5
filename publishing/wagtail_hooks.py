"""Admin registration only: review screens, catalog revisions, the letter wording's pages,
dashboard panels."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from permissions.scope import is_reviewer

from . import letter_wording_views, views
from .models.routes import COUNTERSIGN_SKIPPED
from .panels import (
    AwaitingReviewPanel,
    IncompleteTextsPanel,
    LetterWordingReviewPanel,
    MyDraftsPanel,
    ReviewFlagsPanel,
    SentBackPanel,
    department_scope,
)

# Wagtail's own workflow panels are replaced by department-aware ones.
REPLACED_PANELS = {"user_objects_in_workflow_moderation", "workflow_objects_to_moderate"}


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("review/<int:pk>/", views.review_item, name="publishing_review"),
        path("review/guide/<int:pk>/", views.review_guide, name="publishing_review_guide"),
        path("catalog-revisions/", views.catalog_revisions, name="catalog_revisions"),
        path("withdraw/<slug:model_name>/<int:pk>/", views.withdraw, name="publishing_withdraw"),
        path(
            "letter-wording/",
            letter_wording_views.letter_wording_overview,
            name="letter_wording",
        ),
        path(
            "letter-wording/versions/<int:number>/",
            letter_wording_views.letter_wording_version,
            name="letter_wording_version",
        ),
        path(
            "letter-wording/compare/",
            letter_wording_views.letter_wording_compare,
            name="letter_wording_compare",
        ),
        path(
            "letter-wording/review/",
            letter_wording_views.letter_wording_review,
            name="letter_wording_review",
        ),
    ]


class LetterWordingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("catalog.view_letterwording")


@hooks.register("register_settings_menu_item")
def letter_wording_menu_item():
    return LetterWordingMenuItem(
        "告知承诺书文本", reverse("letter_wording"), icon_name="doc-full", order=310
    )


class CatalogRevisionsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return is_reviewer(user) or user.has_perm("publishing.view_catalogrevision")


@hooks.register("register_admin_menu_item")
def catalog_revisions_menu_item():
    return CatalogRevisionsMenuItem(
        "目录版本", reverse("catalog_revisions"), icon_name="list-ol", order=150
    )


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    panels[:] = [p for p in panels if getattr(p, "name", "") not in REPLACED_PANELS]
    panels.extend([AwaitingReviewPanel(request), SentBackPanel(request), MyDraftsPanel(request)])
    if is_reviewer(request.user):
        panels.append(LetterWordingReviewPanel(request))
    user = request.user
    # the legal bases: items to review again (whoever may see items), and a department's
    # items whose bases lack article texts (its own staff)
    if user.has_perm("catalog.view_certificateitem"):
        panels.append(ReviewFlagsPanel(request))
        if department_scope(user):
            panels.append(IncompleteTextsPanel(request))


@hooks.register("register_log_actions")
def register_route_log_actions(actions):
    @actions.register_action(COUNTERSIGN_SKIPPED)
    class CountersignSkipped(LogFormatter):
        label = "审核：会签自动跳过"

        def format_message(self, log_entry):
            title = (log_entry.data.get("task") or {}).get("title", "会签")
            return f"“{title}”步骤自动跳过"

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")
