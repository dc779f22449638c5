"""Due dates count official working days; years chinese-calendar does not know are entered by
an administrator, and until then a due date in them is refused, never guessed."""

import datetime

import pytest
from django.urls import reverse

from commitments.models import CalendarDayKind, HolidayYear
from commitments.workdays import UnknownCalendarYear, add_working_days, is_working_day
from commitments.workdays.calendar import built_in_years
from commitments.workdays.services import holiday_year_save
from permissions.enums import Role

from ..factories import make_user

D = datetime.date
LAST_BUILT_IN = built_in_years()[-1]
NEXT = LAST_BUILT_IN + 1


@pytest.mark.parametrize(
    ("start", "due"),
    [
        (D(2026, 9, 25), D(2026, 9, 30)),  # Friday: the weekend and the Mid-autumn days skipped
        (D(2026, 9, 30), D(2026, 10, 10)),  # National Day skipped; Saturday 10-10 is a workday
        (D(2026, 11, 20), D(2026, 11, 25)),  # an ordinary Friday
    ],
)
def test_three_working_days_follow_the_official_calendar(db, start, due):
    assert add_working_days(start, 3) == due


def test_a_due_date_in_a_year_nobody_entered_is_refused(db):
    with pytest.raises(UnknownCalendarYear) as raised:
        add_working_days(D(LAST_BUILT_IN, 12, 30), 3)
    assert str(raised.value) == (
        f"系统还没有{NEXT}年的法定节假日和调休安排，无法按工作日计算期限。"
        f"请系统管理员在“设置 › 节假日安排”中录入{NEXT}年的安排后再办理。"
    )


@pytest.fixture
def admin_user(db):
    return make_user("calendar_admin", role=Role.ADMINISTRATOR)


def test_an_entered_year_is_used_for_holidays_and_make_up_days(admin_user):
    holidays = [D(NEXT, 1, d) for d in (1, 2, 3)]
    saturday = next(D(NEXT, 1, d) for d in range(4, 15) if D(NEXT, 1, d).weekday() == 5)
    holiday_year_save(
        user=admin_user,
        year=NEXT,
        notice="国务院办公厅关于部分节假日安排的通知（测试）",
        holidays=[(day, "元旦") for day in holidays],
        makeup_workdays=[(saturday, "元旦调休上班")],
    )
    assert [is_working_day(day) for day in holidays] == [False, False, False]
    assert is_working_day(saturday) is True
    assert is_working_day(saturday + datetime.timedelta(days=1)) is False
    # the reference count: weekdays after 1-3, plus the make-up Saturday
    expected = [
        day
        for day in (D(NEXT, 1, 3) + datetime.timedelta(days=n) for n in range(1, 20))
        if day.weekday() < 5 or day == saturday
    ][2]
    assert add_working_days(D(NEXT, 1, 1), 3) == expected


def test_the_holiday_page_lists_the_years_still_missing(client, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("holiday_years")).content.decode()
    assert f"尚未录入：{NEXT}年" in html
    assert "的安排已随系统内置" in html


def _post(client, **data):
    base = {
        "year": str(NEXT),
        "notice": "国务院办公厅关于部分节假日安排的通知",
        "holidays": f"{NEXT}-01-01 元旦\n{NEXT}-02-05 至 {NEXT}-02-11 春节",
        "makeup_workdays": "",
    }
    base.update(data)
    return client.post(reverse("holiday_year_add"), base)


def test_administrator_enters_a_year_through_the_admin_page(client, admin_user):
    client.force_login(admin_user)
    response = _post(client)
    assert response.status_code == 302
    entry = HolidayYear.objects.get(year=NEXT)
    assert entry.days.filter(kind=CalendarDayKind.HOLIDAY).count() == 8
    assert entry.entered_by == admin_user


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"holidays": f"{NEXT}-02-30 春节"},
            "holidays",
            f"第1行“{NEXT}-02-30 春节”中的日期不存在，请检查月份和日期。",
        ),
        (
            {"holidays": f"{NEXT + 1}-01-01 元旦"},
            "holidays",
            f"以下日期不在{NEXT}年内：{NEXT + 1}-01-01。",
        ),
        (
            {"holidays": "元旦放三天"},
            "holidays",
            "第1行“元旦放三天”看不懂：请写“2027-02-06 至 2027-02-13 春节”。",
        ),
        (
            {"year": str(LAST_BUILT_IN)},
            "year",
            f"系统已内置{LAST_BUILT_IN}年的节假日安排，无需录入。",
        ),
    ],
)
def test_bad_calendar_entries_are_refused_next_to_the_field(
    client, admin_user, data, field, message
):
    client.force_login(admin_user)
    response = _post(client, **data)
    assert response.context["form"].errors[field] == [message]
    assert not HolidayYear.objects.exists()


def test_a_make_up_day_must_be_a_weekend_day(client, admin_user):
    client.force_login(admin_user)
    weekday = next(D(NEXT, 3, d) for d in range(1, 8) if D(NEXT, 3, d).weekday() == 2)
    response = _post(client, makeup_workdays=f"{weekday:%Y-%m-%d} 调休")
    assert response.context["form"].errors["makeup_workdays"] == [
        f"第1行：{weekday:%Y-%m-%d}是星期三，本来就要上班，调休上班日应为周六或周日。"
    ]


def test_editors_cannot_enter_holidays(client, editor_a):
    client.force_login(editor_a)
    response = _post(client)
    assert response.status_code in (302, 403)
    assert not HolidayYear.objects.exists()
