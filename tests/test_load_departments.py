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


@pytest.mark.django_db
def test_load_departments_file_loads_another_countys_own_units_as_its_administrator(tmp_path):
    from .banner import otog

    banner = otog.SecondBanner()
    otog.administrators(banner)
    sheet = tmp_path / "鄂托克旗部门名单.xlsx"
    sheet.write_bytes(otog.annex1_sheet())
    call_command("load_departments", str(sheet), dry_run=True, verbosity=0)
    assert not Department.objects.exists()
    call_command("load_departments", str(sheet), user="etk_admin", verbosity=0)
    assert list(Department.objects.values_list("name", flat=True)) == otog.UNITS
    assert Department.history.filter(history_user=banner.users["admin"]).count() == len(otog.UNITS)


@pytest.mark.django_db
def test_load_departments_file_refuses_to_write_without_an_administrator(tmp_path):
    from django.core.management.base import CommandError

    from .banner import otog

    sheet = tmp_path / "units.xlsx"
    sheet.write_bytes(otog.annex1_sheet())
    with pytest.raises(CommandError, match="--user"):
        call_command("load_departments", str(sheet), verbosity=0)
    assert not Department.objects.exists()
