"""One user of every role: content pages belong to the whole banner, so the departments' roles
are tried with the editor and leader of department A."""

import pytest

from permissions.enums import Role

from ..factories import make_user


@pytest.fixture
def users(editor_a, leader_a, reviewer, supervisor, administrator):
    return {
        "editor": editor_a,
        "leader": leader_a,
        "reviewer": reviewer,
        "supervisor": supervisor,
        "administrator": administrator,
        "security_admin": make_user("sec", role=Role.SECURITY_ADMIN),
        "auditor": make_user("aud", role=Role.AUDITOR),
    }
