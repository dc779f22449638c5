"""`manage.py check` (and `check --deploy`) reports demo accounts left in production."""

from django.core import checks
from django.db import DatabaseError


@checks.register(checks.Tags.security, deploy=True)
def demo_accounts_check(app_configs, **kwargs):
    from django.conf import settings

    if not getattr(settings, "REFUSE_DEMO_ACCOUNTS", False):
        return []
    from .startup import demo_accounts_with_demo_password

    try:
        found = demo_accounts_with_demo_password()
    except DatabaseError:
        return []
    if not found:
        return []
    return [
        checks.Error(
            f"演示账号仍使用公开的演示密码：{', '.join(found)}",
            hint="停用这些账号或修改其密码后再部署。",
            id="permissions.E001",
        )
    ]
