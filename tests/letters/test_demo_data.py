"""The demo guides and letters are consistent and clearly fictional (the full load runs in
tests/test_demo_and_settings.py)."""

import datetime

from fixtures.demo_data import ITEMS
from fixtures.demo_guides import GUIDES
from fixtures.demo_letters import LETTERS
from publishing.letters.identity import credit_code_error, resident_id_error

ITEMS_BY_KEY = {row["key"]: row for row in ITEMS}


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
