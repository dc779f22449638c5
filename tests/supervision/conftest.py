"""Supervision's supervisor works for a supervising unit (政务服务局), as every real one must."""

import pytest

from catalog.models import Department
from permissions.enums import Role
from supervision.models import SupervisorUnit

from ..factories import make_department, make_user


def bind(user, unit_name="政务服务局"):
    unit = Department.objects.filter(name=unit_name).first() or make_department(unit_name)
    admin = make_user(f"admin_for_{user.username}", role=Role.ADMINISTRATOR)
    SupervisorUnit.objects.create(user=user, department=unit, assigned_by=admin)
    return unit


@pytest.fixture
def supervisor(db):
    user = make_user("supervisor", role=Role.SUPERVISOR)
    bind(user)
    return user
