"""The admin of the vocabularies (词表, ADR 023): terms listed by vocabulary, created with a
code that never changes afterwards, relabelled, reordered, retired; deleted only when unused."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from .deletion import delete_refusal
from .models import Term


class TermForm(WagtailAdminModelForm):
    """The vocabulary and the code are set on creation only (records store the code)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name in ("vocabulary", "code"):
                if name in self.fields:
                    self.fields[name].disabled = True
                    self.fields[name].help_text = "创建后不能修改。"


def delete_refused(request, instances):
    """Refuse (message and redirect) to delete any term that is used or protected."""
    reasons = [delete_refusal(t) for t in instances if isinstance(t, Term)]
    reasons = [r for r in reasons if r]
    if not reasons:
        return None
    for reason in reasons:
        messages.error(request, reason)
    return redirect(Term.snippet_viewset.get_url_name("list"))


class TermDeleteView(DeleteView):
    @property
    def confirmation_message(self):
        return delete_refusal(self.object) or (
            f"确定删除词条“{self.object.label}”吗？该词条尚未被任何记录使用。"
        )


class TermViewSet(SnippetViewSet):
    model = Term
    icon = "list-ul"
    menu_label = "词表"
    menu_name = "vocabularies"
    menu_order = 230
    add_to_settings_menu = True
    search_backend_name = None
    search_fields = ["label", "code"]
    list_display = ["label", "vocabulary", "code", "order", BooleanColumn("active", label="启用")]
    list_filter = ["vocabulary", "active"]
    ordering = ["vocabulary", "order", "pk"]
    copy_view_enabled = False
    inspect_view_enabled = True
    delete_view_class = TermDeleteView
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("vocabulary"), FieldPanel("code")]),
            FieldPanel("label"),
            FieldRowPanel([FieldPanel("order"), FieldPanel("active")]),
        ],
        base_form_class=TermForm,
    )
