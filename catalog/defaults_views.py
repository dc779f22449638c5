"""Admin pages of the departments' 告知内容默认值: the list of the user's departments and the
form of one department (``catalog.defaults``)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied

from .defaults import (
    NOT_ALLOWED,
    NoticeDefaultsForm,
    departments_for_defaults,
    notice_defaults_set,
    user_may_set_defaults,
)
from .models import Department, NoticeDefaults
from .models.defaults import TEMPLATE_FIELDS


def notice_defaults_index(request):
    departments = list(departments_for_defaults(request.user))
    if not departments:
        return permission_denied(request)
    found = {d.department_id: d for d in NoticeDefaults.objects.filter(department__in=departments)}
    rows = []
    for department in departments:
        defaults = found.get(department.pk)
        missing = defaults.missing() if defaults else ["全部内容"]
        rows.append((department, defaults, missing))
    return TemplateResponse(
        request,
        "catalog/defaults/index.html",
        {"page_title": "告知内容默认值", "rows": rows},
    )


def notice_defaults_edit(request, pk):
    department = get_object_or_404(Department, pk=pk)
    if not user_may_set_defaults(request.user, department.pk):
        messages.error(request, NOT_ALLOWED)
        return redirect("wagtailadmin_home")
    instance = NoticeDefaults.objects.filter(department=department).first()
    form = NoticeDefaultsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            notice_defaults_set(user=request.user, department=department, values=values)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect("wagtailadmin_home")
        messages.success(request, f"已保存{department.name}的告知内容默认值。")
        return redirect("notice_defaults")
    return TemplateResponse(
        request,
        "catalog/defaults/edit.html",
        {
            "page_title": f"告知内容默认值：{department.name}",
            "department": department,
            "form": form,
            "names": "、".join(f"{{{name}}}" for name in TEMPLATE_FIELDS),
            "missing": instance.missing() if instance else [],
        },
    )
