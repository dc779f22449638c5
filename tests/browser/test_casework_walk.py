"""A clerk walks one commitment from the form to its verification and conclusion in a real
browser: opens the case (application by post), records the form sent, registers the signed
letter, links it, records the verification with an image as evidence (its EXIF stripped), and
concludes the case, after which no withdrawal is offered (its refusal by the service:
tests/cases/test_case_pages.py).

Screenshots: artifacts/browser/NN-casework-*.png.
"""

import datetime
import io

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from commitments.models import Case
from commitments.workdays import known_years
from commitments.workdays.services import holiday_year_save
from permissions.enums import Role
from tests.factories import make_department, make_user
from tests.letters.helpers import PERSON_ID, undisclosed_item

from .test_editor_to_public import _field, _log_in


def _photo_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "WalkCam"
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 120, 40)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _post(page, button):
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_clerk_walks_a_commitment_from_form_to_verification_to_conclusion(
    live_server, chromium, screenshot
):
    base, today = live_server.url, timezone.localdate()
    if today.year + 1 not in known_years():  # due dates near the new year need next year
        holiday_year_save(
            user=make_user("walk_admin", role=Role.ADMINISTRATOR),
            year=today.year + 1,
            notice="测试用节假日安排",
            holidays=[(datetime.date(today.year + 1, 1, 1), "元旦")],
            makeup_workdays=[],
        )
    department = make_department("浏览器测试司法局")
    clerk = make_user("walk_clerk", role=Role.EDITOR, departments=[department])
    item = undisclosed_item(
        clerk, department, make_user("walk_reviewer", role=Role.REVIEWER), name="执业经历证明"
    )
    day = today.isoformat()

    # --- the application arrives by post: the case, its form due in 3 working days ---------
    page = _log_in(chromium, base, "walk_clerk")
    page.get_by_role("link", name="办件", exact=True).first.click()
    page.get_by_role("link", name="登记办件").click()
    _field(page, "证明事项").select_option(str(item.pk))
    page.get_by_label("信函").check()
    _field(page, "收到申请日期").fill(day)
    _field(page, "受理编号").fill("阿右司许〔2026〕99号")
    _post(page, "登记")
    expect(page.locator(".messages")).to_contain_text("已登记办件第")
    expect(page.locator("main")).to_contain_text("告知承诺书待送达")
    screenshot(page, "casework-opened")
    case = Case.objects.get()

    # --- the form is sent: the return deadline starts --------------------------------------
    _field(page, "告知承诺书送达日期").fill(day)
    _post(page, "保存")
    case.refresh_from_db()
    due = case.return_due_on
    expect(page.locator("main")).to_contain_text(
        f"请于 {due.year}年{due.month}月{due.day}日 前递交"
    )

    # --- the signed letter comes back: registered, then linked to the case -----------------
    page.goto(f"{base}/admin/letters/register/")
    page.locator("#id_item").select_option(str(item.pk))
    page.check("input[name=applicant_kind][value=person]")
    page.fill("#id_person_name", "张三丰")
    page.locator("#id_person_id_type").select_option("resident_id")
    page.fill("#id_person_id_number", PERSON_ID)
    page.fill("#id_person_phone", "19904831234")
    page.check("input[name=channel][value=post]")
    page.fill("#id_received_on", day)
    page.fill("#id_form_sent_on", day)
    page.fill("#id_signed_on", day)
    _post(page, "登记")
    expect(page.locator(".messages")).to_contain_text("已登记承诺书")
    page.goto(f"{base}/admin/cases/{case.pk}/")
    page.locator("select[name=letter]").select_option(index=1)
    _post(page, "关联")
    expect(page.locator("main")).to_contain_text("已递交承诺书，待办结")
    case.refresh_from_db()
    task = case.letter.verification
    screenshot(page, "casework-letter-linked")

    # --- the verification: who, when, how, the finding with its reason and evidence ---------
    page.get_by_role("link", name="核查任务", exact=True).first.click()
    page.get_by_role("link", name=case.letter.number_label).click()
    _field(page, "核查人").last.select_option(str(clerk.pk))
    _field(page, "核查日期").fill(day)
    _field(page, "核查途径").fill("全国律师管理系统")
    page.get_by_label("属实", exact=True).check()
    _field(page, "结果说明").fill("执业记录连续六年，无处罚记录，与承诺一致。")
    page.set_input_files(
        "input[name=files]",
        files=[{"name": "查询截图.jpg", "mimeType": "image/jpeg", "buffer": _photo_with_exif()}],
    )
    _post(page, "登记")
    expect(page.locator(".messages")).to_contain_text("已登记核查结果")
    expect(page.get_by_role("link", name="查询截图.jpg")).to_be_visible()
    screenshot(page, "casework-verified")
    evidence = task.results.get().evidence.get()
    assert dict(Image.open(evidence.file.open("rb")).getexif()) == {}

    # --- the conclusion; a withdrawal afterwards is refused --------------------------------
    page.goto(f"{base}/admin/cases/{case.pk}/")
    _field(page, "办结日期").fill(day)
    page.get_by_label("准予", exact=True).check()
    _post(page, "登记办结")
    expect(page.locator("main")).to_contain_text("已办结")
    case.refresh_from_db()
    assert (case.outcome, case.concluded_on) == ("granted", today)
    expect(page.get_by_role("button", name="登记撤回")).to_have_count(0)
    screenshot(page, "casework-concluded")
