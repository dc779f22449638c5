"""The answer to a locked-out login: the sign-in page again, with one Chinese message that is
the same whether or not the account exists (axes counts failures per name as typed)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from wagtail.admin.views.account import LoginView


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return (
        f"登录失败次数过多，已暂停从该账号或本机地址登录 {minutes} 分钟。"
        "请稍后再试，或联系安全管理员解除锁定。"
    )


def lockout_response(request, original_response=None, credentials=None):
    view = LoginView()
    view.setup(request)
    form = view.get_form_class()(request)
    context = view.get_context_data(form=form)
    messages.error(request, lockout_message())
    return render(request, view.template_name, context, status=429)
