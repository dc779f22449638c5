"""Complaints filed at the same moment never get the same tracking number, and none is
skipped. Runs on PostgreSQL (row locks); SQLite serialises all writers and cannot show it."""

import threading

import pytest
from django.db import connection, connections

from complaints.models import Complaint

from ..factories import make_department
from .helpers import file_complaint

THREADS = 8

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL for concurrent transactions: "
    "DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (make test-postgres)",
)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_complaints_get_consecutive_unique_numbers():
    department = make_department("并发局")
    barrier = threading.Barrier(THREADS)
    errors = []

    def submit(n):
        try:
            barrier.wait(timeout=10)
            file_complaint(department, description=f"第{n}位群众同时提交的投诉举报内容。")
        except Exception as e:  # reported below
            errors.append(e)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    numbers = sorted(Complaint.objects.values_list("number", flat=True))
    assert numbers == [f"TS2026-{n:06d}" for n in range(1, THREADS + 1)]
