from catalog.enums import ItemStatus

from .factories import make_item, publish


def test_item_approved_by_reviewer_is_live_with_the_reviewed_values(editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="无犯罪记录证明"), editor_a, reviewer)
    assert item.live is True
    assert item.status() == ItemStatus.PUBLISHED
    assert item.name == "无犯罪记录证明"
    assert [b.article for b in item.legal_bases.all()] == ["第十九条"]
