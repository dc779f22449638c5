"""The reviewers' 撤下 (take a live content page off the site) page in the admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import Page

from .services import content_page_unpublish, may_unpublish


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label="撤下理由",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="例如：政策已调整，内容不再适用。理由记入页面历史。",
        error_messages={"required": "请填写撤下理由（将记入页面历史）。"},
    )


def unpublish(request, page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_unpublish(request.user, page):
        raise PermissionDenied
    form = UnpublishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            content_page_unpublish(user=request.user, page=page, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason" if hasattr(error, "error_dict") else None, error)
        else:
            messages.success(request, f"页面“{page.title}”已撤下，公众不再能看到。")
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "content/admin/unpublish.html",
        {
            "page_title": f"撤下页面：{page.title}",
            "page": page,
            "form": form,
            "back_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
