"""A complainant files a complaint on a phone-sized screen from an item page, under the site's
strict Content-Security-Policy, attaches a photo, keeps the number and code, and after the
department has answered looks the answer up.

Screenshots: artifacts/browser/NN-phone-complaint-form.png, NN-phone-complaint-receipt.png,
NN-phone-complaint-answer.png.
"""

import io

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from complaints.enums import AnswerChannel, ComplaintStatus
from complaints.models import Complaint
from complaints.services import complaint_conclude, complaint_record_investigation
from permissions.enums import Role
from tests.factories import make_department, make_item, make_user, publish

PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 15_000


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (30, 120, 30)).save(out, "JPEG")
    return out.getvalue()


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_file_a_complaint_on_a_phone_and_look_up_the_answer(live_server, chromium, screenshot):
    department = make_department("公安局")
    editor = make_user("phone_editor", role=Role.EDITOR, departments=[department])
    item = publish(
        make_item(editor, department, name="无犯罪记录证明"),
        editor,
        make_user("phone_reviewer", role=Role.REVIEWER),
    )
    context = chromium.new_context(locale="zh-CN", viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    violations = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )

    page.goto(f"{live_server.url}/catalog/item/{item.pk}/")
    page.get_by_role("link", name="投诉举报", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("投诉举报")
    expect(page.get_by_label("被投诉的单位")).to_have_value(str(department.pk))
    expect(page.get_by_label("涉及的证明事项（可不填）")).to_have_value(str(item.pk))
    page.get_by_label("取消的证明仍被索要（取而不消）").check()
    page.get_by_label("具体情况").fill("窗口仍要求我提供已改为告知承诺的无犯罪记录证明。")
    page.get_by_label("附件（可不传）").set_input_files(
        files=[{"name": "窗口照片.jpg", "mimeType": "image/jpeg", "buffer": _photo()}]
    )
    page.get_by_label("联系电话（可不填）").fill("13800001111")
    assert _fits_the_screen(page)
    screenshot(page, "phone-complaint-form")
    page.get_by_role("button", name="提交").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("投诉举报已受理")
    number = page.locator(".receipt dd strong").nth(0).inner_text()
    code = page.locator(".receipt dd strong").nth(1).inner_text()
    assert _fits_the_screen(page)
    screenshot(page, "phone-complaint-receipt")

    complaint = Complaint.objects.get(number=number)
    assert complaint.attachments.count() == 1 and complaint.contact_phone == "13800001111"
    complaint_record_investigation(
        user=editor, complaint=complaint, investigation="调取窗口记录。", finding="情况属实。"
    )
    complaint_conclude(
        user=editor,
        complaint=complaint,
        answer="经核实，已责令窗口改正，感谢监督。",
        answered_on=timezone.localdate(),
        channel=AnswerChannel.PHONE,
    )
    assert Complaint.objects.get(pk=complaint.pk).status == ComplaintStatus.CONCLUDED

    page.get_by_role("link", name="查询办理情况和答复").click()
    page.get_by_label("受理编号").fill(number)
    page.get_by_label("查询码").fill(code.lower())
    page.get_by_role("button", name="查询").click()
    result = page.get_by_role("status")
    expect(result).to_contain_text("已办结")
    expect(result).to_contain_text("经核实，已责令窗口改正，感谢监督。")
    assert _fits_the_screen(page)
    screenshot(page, "phone-complaint-answer")
    assert violations == []
    context.close()
