"""Identity numbers are checked (check digit, birth date); public views mask personal data."""

import datetime

import pytest

from commitments.letters.identity import credit_code_error, phone_error, resident_id_error
from commitments.letters.masking import address_to_township, mask_person_name

from .helpers import AGENT_ID, CREDIT_CODE, PERSON_ID

TODAY = datetime.date(2026, 11, 20)


@pytest.mark.parametrize("number", [PERSON_ID, AGENT_ID, "15292219850101002x"])
def test_valid_resident_id_numbers_pass(number):
    assert resident_id_error(number, TODAY) == ""


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("152922198001010008", "居民身份证号码的校验码不正确，请核对是否有数字填错或顺序颠倒。"),
        ("152922198001100007", "居民身份证号码的校验码不正确，请核对是否有数字填错或顺序颠倒。"),
        ("15292219800101000", "居民身份证号码应为18位：前17位是数字，最后一位是数字或X。"),
        ("152922199002300005", "居民身份证号码中的出生日期“19900230”不是真实存在的日期。"),
        (
            "152922203001010004",
            "居民身份证号码中的出生日期“20300101”不可能（早于1900年或晚于今天）。",
        ),
        ("002922198001010007", "居民身份证号码的前两位“00”不是有效的省级行政区划代码。"),
    ],
)
def test_wrong_resident_id_numbers_are_refused_with_the_reason(number, message):
    assert resident_id_error(number, TODAY) == message


def test_unified_social_credit_code_check_character():
    assert credit_code_error(CREDIT_CODE) == ""
    assert credit_code_error("91152922MA00000019") == (
        "统一社会信用代码的校验码不正确，请核对是否有字符填错。"
    )
    assert credit_code_error("91152922MA0000001O").startswith("统一社会信用代码应为18位")


@pytest.mark.parametrize("phone", ["19904831234", "0483-6021021", "04836021021", "6021021"])
def test_phone_numbers_that_are_accepted(phone):
    assert phone_error(phone) == ""


def test_a_phone_number_with_a_missing_digit_is_refused():
    assert phone_error("1990483123") == (
        "请填写正确的联系电话：手机号码11位；座机请写区号，如 010-12345678。"
    )


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三丰", "张某"), ("王五", "王某"), ("欧阳明月", "欧阳某"), ("巴特尔", "巴某"), ("", "")],
)
def test_person_names_are_shown_as_surname_and_mou(name, masked):
    assert mask_person_name(name) == masked


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("阿拉善右旗巴丹吉林镇额肯呼都格路12号3单元", "阿拉善右旗巴丹吉林镇"),
        ("内蒙古自治区阿拉善右旗曼德拉苏木查干努如嘎查5号", "内蒙古自治区阿拉善右旗曼德拉苏木"),
        ("阿拉善右旗额肯呼都格路12号", "阿拉善右旗"),
        ("额肯呼都格路12号", ""),
    ],
)
def test_addresses_are_cut_down_to_the_township(address, shown):
    assert address_to_township(address) == shown
