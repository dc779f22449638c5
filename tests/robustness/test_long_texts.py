"""Long texts cannot exhaust a worker (issue 10, point 7): the inline diff's work is bounded by
a count of compared character pairs (never a clock), and import cells are capped at what the
catalog needs."""

import difflib
import random
import re

import pytest

from catalog.spreadsheets.report import RowStatus
from catalog.spreadsheets.services import catalog_import
from catalog.textdiff import CHAR_PAIRS, SENTENCE_PAIRS, DiffBudget, _pairs, inline_diff
from publishing.diff import FieldChange

from ..spreadsheets.sheets import annex4_xlsx, row


@pytest.fixture
def bounded_matcher(monkeypatch):
    """Fails at once when a comparison of more pairs than the bound is started."""
    original = difflib.SequenceMatcher.set_seqs

    def set_seqs(self, a, b):
        if isinstance(a, str):
            assert _pairs(a, b) <= CHAR_PAIRS, f"character comparison of {len(a)}×{len(b)}"
        else:
            assert len(a) * len(b) <= SENTENCE_PAIRS
        return original(self, a, b)

    monkeypatch.setattr(difflib.SequenceMatcher, "set_seqs", set_seqs)


def text(alphabet: str, n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def test_two_rows_of_16000_characters_are_compared_within_the_bound(bounded_matcher):
    old, new = text("的是了在", 16_000, 1), text("的是了在", 16_000, 2)
    html = FieldChange("备注", old, new).inline
    assert html.startswith(("<del>", old[:1]))
    assert "".join(part for part in html.split("<ins>")[1:]).replace("</ins>", "").endswith(new[-1])


def test_a_small_edit_in_a_long_text_is_marked_as_small(bounded_matcher):
    old = "甲" * 10_000 + "乙" + "丙" * 10_000
    new = "甲" * 10_000 + "丁" + "丙" * 10_000
    assert inline_diff(old, new) == "甲" * 10_000 + "<del>乙</del><ins>丁</ins>" + "丙" * 10_000


def test_long_texts_are_compared_sentence_by_sentence(bounded_matcher):
    sentences = [text("的是了在有和人这中大为上个国我以要他时来", 200, n) + "。" for n in range(60)]
    changed = list(sentences)
    changed[10] = changed[10].replace(changed[10][5], "改", 1)
    changed[40] = "新增的一句话。" + changed[40]
    html = inline_diff("".join(sentences), "".join(changed))
    assert html.count("<ins>") <= 4
    assert re.search(r"<ins>。?新增的一句话。?</ins>", html)
    assert sentences[0] in html and sentences[59] in html


def test_a_spent_budget_shows_changes_whole(bounded_matcher):
    old, new = "依据甲条文", "依据乙条文丙"
    assert inline_diff(old, new) == "依据<del>甲</del><ins>乙</ins>条文<ins>丙</ins>"
    spent = DiffBudget(0)
    assert inline_diff(old, new, spent) == "依据<del>甲条文</del><ins>乙条文丙</ins>"
    budget = DiffBudget(100)
    inline_diff(old, new, budget)
    assert budget.remaining == 100 - _pairs("甲条文", "乙条文丙")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "cell", "message"),
    [
        ("remarks", "备" * 1_001, "备注: 不能超过1,000个字（现有1,001个字）。"),
        (
            "bases",
            "《中华人民共和国律师法》第十九条：" + "文" * 5_001,
            "条文内容超过5,000个字（现有5,001个字）",
        ),
        ("bases", "《法》第一条：" + "文" * 20_001, "超过20,000个字"),
    ],
)
def test_cells_longer_than_the_catalog_needs_are_errors_of_their_row(
    editor_a, dept_a, field, cell, message
):
    data = annex4_xlsx([row(**{field: cell})], unit=dept_a.name)
    report = catalog_import(user=editor_a, data=data, filename="长.xlsx", department=dept_a)
    assert report.rows[0].status == RowStatus.ERROR
    assert any(message in line for line in report.error_lines()), report.error_lines()
