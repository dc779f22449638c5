"""The admin of extra item fields (附加字段): the justice bureau's list and form (ADR 020).

Reviewers and administrators define fields (``catalog.*_extrafield`` in ``ROLE_PERMISSIONS``);
clerks only fill the values in the item form. A field that any item holds a value for (in its
row or any revision) is never deleted, only retired (启用 unticked): the refusal is the
``before_delete_snippet`` hook in ``wagtail_hooks``, which covers the delete view and the
listing's bulk delete.
"""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ExtraField


def delete_refused(request, fields):
    """Refuse (with a message and a redirect) to delete any used definition among ``fields``."""
    used = [f for f in fields if isinstance(f, ExtraField) and f.is_used()]
    if not used:
        return None
    names = "、".join(f"“{f.label}”（{f.usage_count()}个证明事项）" for f in used)
    messages.error(
        request,
        f"不能删除附加字段{names}：已有证明事项填写了它，删除会使历史版本中的值无法辨认。"
        "如不再使用，请取消勾选“启用”将其停用。",
    )
    return redirect(ExtraField.snippet_viewset.get_url_name("list"))


class ExtraFieldViewSet(SnippetViewSet):
    model = ExtraField
    icon = "form"
    menu_label = "附加字段"
    menu_name = "extra_fields"
    menu_order = 220
    add_to_admin_menu = True
    search_backend_name = None
    search_fields = ["label", "key"]
    list_display = [
        "label",
        "key",
        "kind",
        BooleanColumn("required", label="提交时必填"),
        BooleanColumn("public", label="公开"),
        BooleanColumn("exported", label="导出到附件4"),
        "sort_order",
        BooleanColumn("active", label="启用"),
    ]
    list_filter = ["kind", "active", "public"]
    ordering = ["sort_order", "pk"]
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_handler = ObjectList(ExtraField.panels)
