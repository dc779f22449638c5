"""The demo publishes its content pages and site settings through the admin's services."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from content.models import ContentPage, FaqPage, NoticePage, PolicyExplanationPage
from sitesettings.models import PublicWording, SiteIdentity


@pytest.fixture(scope="module")
def demo(demo_database):
    return None


@pytest.mark.django_db
def test_demo_pages_are_live_written_by_one_reviewer_and_approved_by_another(demo, client):
    pages = {type(p): p for p in ContentPage.objects.live().specific()}
    assert set(pages) >= {PolicyExplanationPage, FaqPage, NoticePage}
    for page in pages.values():
        state = WorkflowState.objects.for_instance(page).get()
        assert state.status == WorkflowState.STATUS_APPROVED
        assert state.requested_by.username == "reviewer"
        assert state.current_task_state.finished_by.username == "reviewer2"
    faq = pages[FaqPage]
    assert [b.block_type for b in faq.body] == ["qa"] * 5
    assert "证明义务、证明内容以及不实承诺的法律责任" in pages[PolicyExplanationPage].search_text
    home = client.get(reverse("public:home")).content.decode()
    assert faq.title in home


@pytest.mark.django_db
def test_demo_site_settings_are_the_banners_and_recorded_as_set_by_the_demo_roles(demo):
    assert SiteIdentity.load().government_name == "阿拉善右旗"
    assert PublicWording.load().home_headline == "办事少跑腿：这些证明可以用一份承诺代替"
