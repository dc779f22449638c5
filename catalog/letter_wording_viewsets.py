"""The admin of the letter wording (告知承诺书文本, docs/adr/024-letter-wording.md): Wagtail's
edit form, history and revision compare of the one record. It has no menu entry of its own:
设置 → 告知承诺书文本 (publishing) shows the versions and links here. Nobody adds or deletes the
record, and nobody publishes it outside its review."""

from django.shortcuts import redirect
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .models import LetterWording


class LetterWordingIndexView(IndexView):
    """The listing of the one record is the overview page."""

    def get(self, request, *args, **kwargs):
        return redirect("letter_wording")


class LetterWordingViewSet(SnippetViewSet):
    model = LetterWording
    icon = "doc-full"
    menu_label = "告知承诺书文本"
    add_to_admin_menu = False
    index_view_class = LetterWordingIndexView
    search_backend_name = None
