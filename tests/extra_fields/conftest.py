"""Extra field definitions of every kind, as the justice bureau would set them up."""

import pytest

from catalog.models import ExtraField, ExtraFieldKind


def define(key, label, kind, **extra) -> ExtraField:
    field = ExtraField(key=key, label=label, kind=kind, **extra)
    field.full_clean()
    field.save()
    return field


@pytest.fixture
def online(db):
    return define(
        "online",
        "是否可网上办理",
        ExtraFieldKind.BOOLEAN,
        public=True,
        exported=True,
        sort_order=1,
    )


@pytest.fixture
def portal(db):
    return define("portal", "网上办理地址", ExtraFieldKind.URL, public=True, sort_order=2)


@pytest.fixture
def days(db):
    return define(
        "days", "办理时限（天）", ExtraFieldKind.NUMBER, min_value=0, max_value=60, sort_order=3
    )


@pytest.fixture
def channel(db):
    return define(
        "channel",
        "办理渠道",
        ExtraFieldKind.CHOICE,
        choices="全程网办\n部分网办\n窗口办理",
        public=True,
        exported=True,
        sort_order=4,
    )


@pytest.fixture
def motto(db):
    return define("motto", "服务口号", ExtraFieldKind.TEXT, public=True, sort_order=5)


@pytest.fixture
def internal(db):
    return define("internal", "内部备忘", ExtraFieldKind.TEXT, sort_order=6)
