"""Refuse to serve production while a demo account still has its published password."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from fixtures.accounts import DEMO_USERNAMES


def demo_accounts_with_demo_password() -> list[str]:
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(username__in=DEMO_USERNAMES, is_active=True)
    return [u.username for u in users if u.check_password(settings.DEMO_PASSWORD)]


def refuse_demo_accounts() -> None:
    if not getattr(settings, "REFUSE_DEMO_ACCOUNTS", False):
        return
    found = demo_accounts_with_demo_password()
    if found:
        raise ImproperlyConfigured(
            "生产环境拒绝启动：以下演示账号仍在使用 README 中公开的演示密码，"
            f"请停用或修改密码：{', '.join(found)}"
        )
