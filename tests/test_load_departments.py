import pytest
from django.core.management import call_command

from catalog.models import Department

from .test_demo_and_settings import SEED_ANNEX1


@pytest.mark.django_db
def test_load_departments_creates_annex1_without_demo_contacts():
    call_command("load_departments", verbosity=0)
    call_command("load_departments", verbosity=0)
    assert list(Department.objects.values_list("name", flat=True)) == SEED_ANNEX1
    assert set(Department.objects.values_list("liaison_name", flat=True)) == {""}
