"""History of users and their grants: every change of a user row and of its groups is kept."""

from django.contrib.auth import get_user_model
from simple_history import register

User = get_user_model()

register(
    User,
    app="permissions",
    m2m_fields=["groups"],
    verbose_name="用户与授权变更记录",
    excluded_fields=["last_login", "password"],
)
