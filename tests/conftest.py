"""Role fixtures: two departments, one user per role, items in every state."""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction

from permissions.enums import Role
from vocabularies import reader as vocabulary_reader

from .factories import make_department, make_item, make_user, publish, send_back, submit


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Every test starts with an empty cache (the search keeps its synonyms there, the
    vocabularies their terms): a test that loads the demo data or changes a term must not leave
    them to the next one. A test without a database reads the default terms (as migrated)."""
    cache.clear()
    vocabulary_reader.forget()
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db"} & set(request.fixturenames)
    )
    if not uses_db:
        vocabulary_reader.use_defaults()
    yield
    cache.clear()
    vocabulary_reader.forget()


def pytest_report_header(config):
    from django.conf import settings

    return f"database: {settings.DATABASES['default']['ENGINE']}"


@pytest.fixture
def dept_a(db):
    return make_department("甲局")


@pytest.fixture
def dept_b(db):
    return make_department("乙局")


@pytest.fixture
def editor_a(dept_a):
    return make_user("editor_a", role=Role.EDITOR, departments=[dept_a])


@pytest.fixture
def editor_b(dept_b):
    return make_user("editor_b", role=Role.EDITOR, departments=[dept_b])


@pytest.fixture
def leader_a(dept_a):
    return make_user("leader_a", role=Role.LEADER, departments=[dept_a])


@pytest.fixture
def reviewer(db):
    return make_user("reviewer", role=Role.REVIEWER)


@pytest.fixture
def reviewer2(db):
    return make_user("reviewer2", role=Role.REVIEWER)


@pytest.fixture
def supervisor(db):
    return make_user("supervisor", role=Role.SUPERVISOR)


@pytest.fixture
def administrator(db):
    return make_user("administrator", role=Role.ADMINISTRATOR)


@pytest.fixture
def draft_b(editor_b, dept_b):
    return make_item(editor_b, dept_b, name="乙局草稿证明")


@pytest.fixture
def published_b(editor_b, dept_b, reviewer):
    return publish(make_item(editor_b, dept_b, name="乙局已发布证明"), editor_b, reviewer)


@pytest.fixture
def in_review_b(editor_b, dept_b):
    return submit(make_item(editor_b, dept_b, name="乙局审核中证明"), editor_b)


@pytest.fixture
def sent_back_b(editor_b, dept_b, reviewer):
    item = submit(make_item(editor_b, dept_b, name="乙局退回证明"), editor_b)
    return send_back(item, reviewer)


@pytest.fixture
def alxa_site_settings(db):
    """阿拉善右旗's site settings, set as the demo data set them (a fresh installation names no
    government: sitesettings migration 0002)."""
    from sitesettings.models import DEFAULTS_ALXA_RIGHT, WORDING_ALXA_RIGHT
    from sitesettings.services import public_wording_update, site_identity_update

    site_identity_update(**DEFAULTS_ALXA_RIGHT)
    public_wording_update(**WORDING_ALXA_RIGHT)


@pytest.fixture(scope="session")
def artifacts_dir():
    path = os.path.join(os.path.dirname(os.path.dirname(__file__)), "artifacts")
    os.makedirs(path, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """The demo data (load_demo_data), loaded once per module inside a transaction that is
    rolled back afterwards; the module's database tests run in savepoints inside it. (Flushing
    instead would also remove what the migrations created — Wagtail's root collection and
    page —, which later tests of the session rely on, as every installation does.)"""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo_data", verbosity=0)
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        assert not connection.in_atomic_block
