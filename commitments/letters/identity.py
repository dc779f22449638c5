"""Checks of identity document numbers: the resident ID (GB 11643-1999) and the unified
social credit code (GB 32100-2015). Each returns a Chinese message, or "" when the number is
valid."""

import datetime
import re

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CODES = "10X98765432"
# The first two digits: provinces, autonomous regions and municipalities (and 9 for the 2023
# permanent residence ID of foreigners, which uses the same layout and check digit).
ID_PROVINCES = frozenset(
    [
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "83",
        "91",
        "92",
        "93",
        "94",
        "95",
        "96",
        "97",
        "98",
        "99",
    ]
)

CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
CREDIT_CODE_PATTERN = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def normalise_id(number: str) -> str:
    return (number or "").strip().replace(" ", "").upper()


def id_check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CODES[total % 11]


def resident_id_error(number: str, today: datetime.date | None = None) -> str:
    """Why ``number`` is not a valid 18-digit resident ID number ("" if it is)."""
    number = normalise_id(number)
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return "居民身份证号码应为18位：前17位是数字，最后一位是数字或X。"
    if number[:2] not in ID_PROVINCES:
        return f"居民身份证号码的前两位“{number[:2]}”不是有效的省级行政区划代码。"
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return f"居民身份证号码中的出生日期“{number[6:14]}”不是真实存在的日期。"
    today = today or datetime.date.today()
    if birth > today or birth.year < 1900:
        return f"居民身份证号码中的出生日期“{number[6:14]}”不可能（早于1900年或晚于今天）。"
    if id_check_digit(number[:17]) != number[17]:
        return "居民身份证号码的校验码不正确，请核对是否有数字填错或顺序颠倒。"
    return ""


def credit_code_check_char(first17: str) -> str:
    total = sum(
        CREDIT_CODE_CHARS.index(c) * w for c, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True)
    )
    return CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def credit_code_error(code: str) -> str:
    """Why ``code`` is not a valid unified social credit code ("" if it is)."""
    code = normalise_id(code)
    if not CREDIT_CODE_PATTERN.fullmatch(code):
        return (
            "统一社会信用代码应为18位，由数字和大写字母组成（不使用I、O、Z、S、V），"
            "第3至8位是行政区划代码。"
        )
    if credit_code_check_char(code[:17]) != code[17]:
        return "统一社会信用代码的校验码不正确，请核对是否有字符填错。"
    return ""


PHONE_PATTERN = re.compile(r"^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{7,8})$")


def phone_error(phone: str) -> str:
    if not PHONE_PATTERN.fullmatch((phone or "").strip()):
        return "请填写正确的联系电话：手机号码11位；座机请写区号，如 010-12345678。"
    return ""
