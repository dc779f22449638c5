"""Two registrations at once in the same department never get the same number, and none is
skipped. Runs on PostgreSQL (row locks); SQLite serialises all writers and cannot show it."""

import datetime
import threading

import pytest
from django.db import connection, connections

from commitments.letters.services import letter_register
from commitments.models import CommitmentLetter

from ..factories import make_department, make_user
from .helpers import TODAY, disclosed_item, person

THREADS = 8

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL for concurrent transactions: "
    "DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (make test-postgres)",
)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_get_consecutive_unique_numbers():
    from permissions.enums import Role

    department = make_department("并发局")
    editor = make_user("concurrent_editor", role=Role.EDITOR, departments=[department])
    reviewer = make_user("concurrent_reviewer", role=Role.REVIEWER)
    item = disclosed_item(editor, department, reviewer)
    barrier = threading.Barrier(THREADS)
    errors = []

    def register():
        try:
            barrier.wait(timeout=10)
            letter_register(
                user=editor,
                item=item,
                fields=person(received_on=datetime.date(2026, 11, 16)),
                disclose=True,
                today=TODAY,
            )
        except Exception as e:  # reported below
            errors.append(e)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    numbers = sorted(CommitmentLetter.objects.values_list("number", flat=True))
    assert numbers == list(range(1, THREADS + 1))
