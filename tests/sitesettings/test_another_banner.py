"""Another banner runs the site by configuration alone (issue 17): with the site settings set to
额济纳旗, no public page, feed, sitemap, error page or letter form names 阿拉善右旗 or 阿右旗,
and they show the new name, contacts and record numbers."""

import io
import re
import zipfile

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from pypdf import PdfReader

from catalog.models import Department
from cms.error_views import server_error
from cms.middleware import maintenance_response
from sitesettings.selectors import forget_site_info, site_info
from sitesettings.services import public_wording_update, site_identity_update
from supervision.models import Plan

from ..factories import make_department, make_user
from ..guides import helpers as guide_helpers
from ..public.site import build_public_site, file_urls, page_urls

OURS = re.compile("阿拉善右旗|阿右旗")

EJINA = {
    "government_name": "额济纳旗",
    "government_short_name": "额旗",
    "site_title": "证明事项告知承诺制",
    "host_unit": "额济纳旗司法局",
    "public_phone": "0483-6522148",
    "email": "ejnqsfj@example.cn",
    "address": "额济纳旗达来呼布镇居延路1号",
    "working_hours": "工作日 上午9:00—12:30，下午15:00—18:30",
    "icp_number": "蒙ICP备20009999号-2",
    "police_record_number": "蒙公网安备15292302000001号",
    "police_record_link": "https://beian.mps.gov.cn/#/query/webSearch?code=15292302000001",
}
EJINA_WORDING = {
    "home_headline": "额济纳旗：一份承诺，少跑一趟",
    "home_introduction": "额济纳旗推行证明事项告知承诺制，符合条件的书面承诺即可代替证明。",
    "complaint_introduction": "额济纳旗司法局受理投诉举报，5个工作日内答复。",
}


@pytest.fixture(autouse=True)
def _forget_settings():
    forget_site_info()
    yield
    forget_site_info()


@pytest.fixture
def ejina_site(db, monkeypatch, reviewer):
    """Every public page type, with data that names no banner, and the settings of 额济纳旗."""
    monkeypatch.setitem(guide_helpers.COMPLETE, "hall", "额济纳旗政务服务中心一楼")
    department = make_department(name="额济纳旗司法局")
    Department.objects.filter(pk=department.pk).update(office_address="达来呼布镇居延路1号")
    department.refresh_from_db()
    editor = make_user("ejn_editor", role="editor", departments=[department])
    site = build_public_site(editor, department, reviewer)
    # the implementation plan is data the justice bureau keeps in the admin
    Plan.objects.update(source="《额济纳旗全面推行证明事项告知承诺制实施方案》")
    administrator = make_user("ejn_admin", role="administrator")
    site_identity_update(by=administrator, **EJINA)
    public_wording_update(by=reviewer, **EJINA_WORDING)
    return site


def _texts_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response["Content-Type"]
    if "wordprocessingml" in kind:
        with zipfile.ZipFile(io.BytesIO(content)) as docx:
            return "\n".join(
                docx.read(name).decode("utf-8")
                for name in docx.namelist()
                if name.endswith(".xml") or name.endswith(".rels")
            )
    if "pdf" in kind:
        reader = PdfReader(io.BytesIO(content))
        metadata = " ".join(str(v) for v in (reader.metadata or {}).values())
        return metadata + "\n".join(page.extract_text() for page in reader.pages)
    return content.decode("utf-8-sig", errors="replace")


def test_no_public_page_names_the_old_banner_and_each_shows_the_new_one(client, ejina_site):
    for name, url in page_urls(ejina_site).items():
        response = client.get(url)
        assert response.status_code in (200, 404, 410), (name, response.status_code)
        body = response.content.decode()
        assert not OURS.search(body), (name, OURS.search(body).group(), url)
        assert "<title>" in body and "额济纳旗</title>" in body, name
        assert "额济纳旗司法局 主办" in body, name
        assert 'href="tel:0483-6522148"' in body, name
        assert "蒙ICP备20009999号-2" in body and "蒙公网安备15292302000001号" in body, name


def test_no_feed_sitemap_or_letter_form_file_names_the_old_banner(client, ejina_site):
    urls = file_urls(ejina_site)
    urls.pop("catalog xlsx")  # binary zip of sheets: see the csv
    urls.pop("favicon")
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        text = _texts_of(response)
        assert not OURS.search(text), (name, OURS.search(text).group())
    feed = client.get(reverse("public:feed")).content.decode()
    assert "<title>额旗实行告知承诺制的证明事项</title>" in feed
    letters_feed = client.get(reverse("public:letters_feed")).content.decode()
    assert "<title>额旗公开的证明事项告知承诺书</title>" in letters_feed


def test_home_and_complaint_pages_show_the_new_wording(client, ejina_site):
    home = client.get(reverse("public:home")).content.decode()
    assert "<h1>额济纳旗：一份承诺，少跑一趟</h1>" in home
    assert EJINA_WORDING["home_introduction"] in home
    assert "地址：额济纳旗达来呼布镇居延路1号" in home
    assert "工作时间：工作日 上午9:00—12:30，下午15:00—18:30" in home
    assert '<a href="https://beian.miit.gov.cn/" rel="noopener">蒙ICP备20009999号-2</a>' in home
    assert EJINA["police_record_link"] in home
    for url_name in ("public:complaint", "public:complaint_report"):
        page = client.get(reverse(url_name)).content.decode()
        assert EJINA_WORDING["complaint_introduction"] in page


def test_error_pages_without_the_database_show_the_settings_last_read(ejina_site):
    site_info()  # a page was served since the change
    request = RequestFactory().get("/")
    for response in (server_error(request), maintenance_response(request)):
        body = response.content.decode()
        assert not OURS.search(body)
        assert "额济纳旗司法局 主办" in body
        assert "额济纳旗</title>" in body


def test_server_error_before_any_settings_were_read_names_no_banner():
    """No database at all (no ``db`` fixture): the 500 page uses neutral wording."""
    client = Client(raise_request_exception=False)
    response = client.get(reverse("public:home"))
    body = response.content.decode()
    assert response.status_code == 500
    assert not OURS.search(body)
    assert "证明事项告知承诺制" in body


def test_admin_names_the_configured_site(client, ejina_site):
    login = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "登录额旗证明事项告知承诺制管理后台" in login
    assert "阿右旗" not in login
