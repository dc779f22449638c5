"""Who may read the plan's pages: the read permission, and for a supervisor (监管人员) a binding
to one of the units that supervise (实施方案 五: 旗政务服务局, 旗司法局). A supervisor reads every
unit and changes nothing; an unbound supervisor account reads nothing of the plan."""

from catalog.models import Department
from permissions.enums import GLOBAL_GROUP_NAMES, Role
from permissions.scope import is_reviewer

from .models import SupervisorUnit

# The units of 附件1 that supervise the implementation plan.
SUPERVISING_UNIT_NAMES = ("政务服务局", "司法局")
UNBOUND = "您的监管人员账号尚未绑定监督单位（政务服务局或司法局），请联系系统管理员设置后再查看。"
_CACHE_ATTR = "_supervision_unit_cache"


def supervising_units():
    return Department.objects.filter(name__in=SUPERVISING_UNIT_NAMES).order_by("sort_order", "pk")


def is_supervisor(user) -> bool:
    return bool(
        user.is_authenticated
        and user.groups.filter(name=GLOBAL_GROUP_NAMES[Role.SUPERVISOR]).exists()
    )


def supervisor_unit(user):
    """The supervising unit ``user`` is bound to, or None (cached on the user object)."""
    if _CACHE_ATTR not in user.__dict__:
        from_binding = None
        if user.is_authenticated:
            binding = SupervisorUnit.objects.filter(user=user).select_related("department").first()
            from_binding = binding.department if binding else None
        user.__dict__[_CACHE_ATTR] = from_binding
    return user.__dict__[_CACHE_ATTR]


def unbound_supervisor(user) -> bool:
    """A supervisor (and not also a reviewer) without a supervising unit."""
    return is_supervisor(user) and not is_reviewer(user) and supervisor_unit(user) is None


def may_read(user, permission: str = "supervision.view_plan") -> bool:
    return user.has_perm(permission) and not unbound_supervisor(user)
