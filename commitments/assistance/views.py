"""Admin pages of assistance requests: sent and received (the two departments only), the
justice bureau's queue of overdue ones (dates and departments, no content), a new request
from a verification task, and a request with its replies."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.auth import permission_denied

from accounts.network import client_ip
from commitments.models import AssistanceRequest
from permissions.scope import ALL, Scope, department_ids, granted_department_ids

from ..cases.rules import user_handles_cases
from ..letters.views import _apply_errors
from ..verification.selectors import staff_tasks
from .forms import ReplyForm, RequestForm
from .services import assistance_reply, assistance_request, assistance_viewed, user_sees_request

NOT_YOURS = "您没有权限查看该协助核查请求：只有请求单位和协助单位可以查看。"


def _requests():
    return AssistanceRequest.objects.select_related(
        "requesting_department", "assisting_department", "task__letter"
    ).prefetch_related("replies")


def request_list(request):
    user = request.user
    if not user.has_perm("commitments.view_commitmentletter"):
        return permission_denied(request)
    own = granted_department_ids(user, Scope.VIEW)
    today = timezone.localdate()
    bureau = department_ids(user, Scope.VIEW) is ALL
    return TemplateResponse(
        request,
        "commitments/assistance/list.html",
        {
            "page_title": "协助核查",
            "sent": _requests().filter(requesting_department_id__in=own)[:100],
            "received": _requests().filter(assisting_department_id__in=own)[:100],
            "overdue": _requests().overdue(today)[:200] if bureau else None,
            "has_department": bool(own),
            "today": today,
        },
    )


def request_new(request, task_pk):
    task = staff_tasks(request.user).filter(pk=task_pk).first()
    if task is None or not user_handles_cases(request.user, task.department_id):
        return permission_denied(request)
    form = RequestForm(request.POST or None, own_department_id=task.department_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = assistance_request(
                user=request.user,
                task=task,
                assisting_department=data["assisting_department"],
                question=data["question"],
                fields=data["fields"],
                working_days=data["working_days"],
            )
        except PermissionDenied as e:
            form.add_error(None, str(e))
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(
                request, f"已发出协助核查请求，答复期限为{created.due_on:%Y年%m月%d日}。"
            )
            return redirect("assistance_detail", created.pk)
    return TemplateResponse(
        request,
        "commitments/assistance/new.html",
        {"page_title": "发起协助核查请求", "form": form, "task": task},
    )


def _detail(request, item, form=None):
    assistance_viewed(user=request.user, request=item, ip_address=client_ip(request))
    may_reply = user_handles_cases(request.user, item.assisting_department_id)
    return TemplateResponse(
        request,
        "commitments/assistance/detail.html",
        {
            "page_title": f"协助核查请求：{item.requesting_department.name}→"
            f"{item.assisting_department.name}",
            "item": item,
            "replies": item.replies.select_related("replied_by"),
            "current": item.current_reply,
            "overdue": item.current_reply is None and item.due_on < timezone.localdate(),
            "may_reply": may_reply,
            "form": form or ReplyForm(),
        },
    )


def request_detail(request, pk):
    item = _requests().filter(pk=pk).first()
    if item is None or not user_sees_request(request.user, item):
        messages.error(request, NOT_YOURS)
        return redirect("wagtailadmin_home")
    if request.method != "POST":
        return _detail(request, item)
    form = ReplyForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            assistance_reply(
                user=request.user,
                request=item,
                kind=data["kind"],
                finding=data["finding"],
                text=data["text"],
                replied_on=data["replied_on"],
                corrects=item.current_reply if data["correct"] else None,
            )
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("assistance_detail", item.pk)
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, "已答复协助核查请求。")
            return redirect("assistance_detail", item.pk)
    return _detail(request, item, form)
