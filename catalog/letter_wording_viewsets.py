"""The admin of the letter wording (告知承诺书文本, docs/adr/024-letter-wording.md): Wagtail's
edit form, history and revision compare of the one record. It has no menu entry of its own:
设置 → 告知承诺书文本 (publishing) shows the versions and links here. Nobody adds or deletes the
record, and nobody publishes it outside its review."""

from django.shortcuts import redirect
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from .models import LetterWording
from .viewsets import NoDirectPublishMixin


class LetterWordingIndexView(IndexView):
    """The listing of the one record is the overview page."""

    def get(self, request, *args, **kwargs):
        return redirect("letter_wording")


class LetterWordingEditView(NoDirectPublishMixin, EditView):
    """No 发布 (not even for a superuser) and no review decision by saving the form: the
    wording is published by the review screen's approval only."""


class LetterWordingViewSet(SnippetViewSet):
    model = LetterWording
    icon = "doc-full"
    menu_label = "告知承诺书文本"
    add_to_admin_menu = False
    index_view_class = LetterWordingIndexView
    edit_view_class = LetterWordingEditView
    search_backend_name = None
