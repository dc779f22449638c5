"""The demo guides and letters are consistent and clearly fictional (the full load runs in
tests/test_demo_and_settings.py)."""

import datetime
import re
from collections import defaultdict

from commitments.letters.identity import credit_code_error, resident_id_error
from fixtures.demo_data import DEPARTMENTS, ITEMS
from fixtures.demo_guides import GUIDES
from fixtures.demo_letters import LETTERS

ITEMS_BY_KEY = {row["key"]: row for row in ITEMS}
PHONE = re.compile(r"0483-\d{7}|1\d{10}")


def test_demo_identity_numbers_pass_the_checks_and_are_fictional():
    for row in LETTERS:
        fields = row["fields"]
        for name in ("person_id_number", "agent_id_number"):
            if name in fields:
                number = fields[name]
                assert resident_id_error(number, datetime.date(2026, 11, 26)) == "", number
                assert number.startswith("152922") and number[14:16] == "00", number
        if "organisation_id_number" in fields:
            code = fields["organisation_id_number"]
            assert credit_code_error(code) == "" and "00000" in code, code
        for name in ("person_phone", "agent_phone", "organisation_phone"):
            if name in fields:
                assert fields[name].startswith(("1990483", "0483-6029")), fields[name]


def test_demo_letters_and_guides_refer_to_published_demo_items():
    for row in LETTERS:
        item = ITEMS_BY_KEY[row["item_key"]]
        assert item["state"] in ("published", "published_with_pending_change"), row
        if row["fields"].get("agent_name"):
            assert item["agent_may_commit"], row
    keys = [m["item_key"] for g in GUIDES for m in g["materials"] if "item_key" in m]
    assert all(ITEMS_BY_KEY[key]["state"] == "published" for key in keys)


def test_demo_letters_cover_every_disclosure_case_and_channel():
    items = [ITEMS_BY_KEY[row["item_key"]] for row in LETTERS]
    scopes = {item["disclosure_scope"] if item["letters_disclosed"] else "" for item in items}
    assert scopes == {"public", "interested_parties", ""}
    assert {row["fields"]["channel"] for row in LETTERS} == {"in_person", "post", "fax", "email"}
    assert any("withdrawn" in row for row in LETTERS)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_demo_texts_look_real_no_placeholder_urls_or_markers():
    for text in _strings([DEPARTMENTS, GUIDES, LETTERS]):
        for fake in ("example", ".invalid", "演示", "测试", "示例", "xxx"):
            assert fake not in text.lower(), text
    for guide in GUIDES:
        assert guide["online_url"] in ("", "https://zwfw.nmg.gov.cn/"), guide["online_url"]


def test_demo_guides_give_their_departments_public_line_and_own_complaint_line():
    departments = {d["name"]: d for d in DEPARTMENTS}
    for guide in GUIDES:
        department = departments[guide["department"]]
        if guide["contact_phone"]:
            assert guide["contact_phone"] == department["public_phone"], guide["name"]


def test_every_demo_phone_number_has_one_holder():
    """A guide's complaint line is not somebody's office, a public line not a liaison's."""
    holders = defaultdict(set)
    for department in DEPARTMENTS:
        for key, value in department.items():
            if key.endswith(("phone", "mobile")) and value:
                holders[value].add(f"{department['name']} {key}")
    for guide in GUIDES:
        for number in PHONE.findall(guide["complaint_channel"]):
            holders[number].add(f"{guide['department']} complaints")
        if guide["contact_phone"]:
            holders[guide["contact_phone"]].add(f"{guide['department']} public_phone")
    for row in LETTERS:
        for key, value in row["fields"].items():
            if key.endswith("phone"):
                holders[value].add(f"letter {row['item_key']} {key}")
    shared = {number: who for number, who in holders.items() if len(who) > 1}
    assert shared == {}


def test_demo_letters_are_registered_after_signing_and_before_withdrawal():
    for row in LETTERS:
        fields = row["fields"]
        registered = datetime.date.fromisoformat(row["registered_on"])
        assert datetime.date.fromisoformat(fields["signed_on"]) <= registered, row
        if fields["channel"] == "in_person":
            assert fields["signed_on"] == row["registered_on"], row
        if "withdrawn" in row:
            assert registered <= datetime.date.fromisoformat(row["withdrawn"]["on"]), row
