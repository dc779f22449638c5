"""Admin registration only: review screens, catalog revisions, dashboard panels."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from permissions.scope import is_reviewer

from . import views
from .panels import (
    AwaitingReviewPanel,
    IncompleteTextsPanel,
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


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    panels[:] = [p for p in panels if getattr(p, "name", "") not in REPLACED_PANELS]
    panels.extend([AwaitingReviewPanel(request), SentBackPanel(request), MyDraftsPanel(request)])
    user = request.user
    # the legal bases: items to review again (whoever may see items), and a department's
    # items whose bases lack article texts (its own staff)
    if user.has_perm("catalog.view_certificateitem"):
        panels.append(ReviewFlagsPanel(request))
        if department_scope(user):
            panels.append(IncompleteTextsPanel(request))
