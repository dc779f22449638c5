"""The demo holds credit records in every state, one of them made from the demo's finding."""

import pytest

from credit.enums import RecordState
from credit.models import CreditRecord


@pytest.mark.django_db
def test_the_demo_holds_a_record_in_every_state(demo_database):
    assert set(CreditRecord.objects.values_list("state", flat=True)) == set(RecordState.values)
    assert CreditRecord.objects.filter(source_result__isnull=False).count() == 1
