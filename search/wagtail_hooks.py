"""Admin registration only: the synonyms administrators maintain, the admin's global search
(the sidebar's 搜索) over items, guides, signed letters and departments, and the chooser of
legal documents (by any name, in Chinese or pinyin)."""

from django.urls import path
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from permissions.scope import is_reviewer

from . import admin_areas
from .legal_chooser import legal_document_chooser_viewset
from .models import Synonym

# Wagtail's own search areas: this installation has no pages, and its images and documents
# only serve the service guides' flow charts. The sidebar's 搜索 leads to admin_areas instead.
HIDDEN_SEARCH_AREAS = {"pages", "images", "documents"}


def may_maintain_synonyms(user) -> bool:
    """Justice-bureau reviewers (who run the catalog) and system administrators (who hold the
    department register), besides anyone granted the model permissions themselves."""
    return bool(
        user.is_active
        and (user.is_superuser or is_reviewer(user) or user.has_perm("catalog.change_department"))
    )


class SynonymPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return may_maintain_synonyms(user) or super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return may_maintain_synonyms(user) or super().user_has_any_permission(user, actions)


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "检索同义词"
    menu_name = "search_synonyms"
    add_to_settings_menu = True
    search_backend_name = None
    search_fields = ["term", "synonym", "note"]
    list_display = ["term", "synonym", "note", "updated_at"]
    copy_view_enabled = False


register_permission_policy(Synonym, SynonymPermissionPolicy(Synonym))
register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_admin_search_url():
    return [path("search/", admin_areas.search_results, name="admin_search")]


hooks.register("register_admin_search_area", admin_areas.records_search_area)


@hooks.register("register_admin_viewset")
def register_legal_document_chooser():
    """The legal-document chooser of the item form (Chinese or pinyin, ``legal_chooser``)."""
    return legal_document_chooser_viewset


@hooks.register("construct_search")
def hide_unused_search_areas(request, search_areas):
    search_areas[:] = [area for area in search_areas if area.name not in HIDDEN_SEARCH_AREAS]
