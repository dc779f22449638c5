"""Reading the site settings.

``site_info()`` reads both settings rows (one query); the public pages get it through
the context processor ``site_info`` (lazily, once per page), the feeds, the e-mails and other
code without a request call it directly. Every read is remembered in the process, so that the
pages that must not touch the database (the 500 and 503 pages) still name the government:
``last_known_site_info()``; before any read they use neutral wording (no government's name).
"""

from dataclasses import asdict, dataclass, fields

from django.db.models import Subquery

from .models import FRESH_IDENTITY, FRESH_WORDING, PublicWording, SiteIdentity


@dataclass(frozen=True)
class SiteInfo:
    government_name: str
    government_short_name: str
    site_title: str
    host_unit: str
    public_phone: str
    email: str
    address: str
    working_hours: str
    icp_number: str
    icp_link: str
    police_record_number: str
    police_record_link: str
    home_headline: str
    home_introduction: str
    complaint_introduction: str

    @property
    def full_title(self) -> str:
        """The site's name as one phrase: 简称 + 网站名称 (the title alone without a name)."""
        return f"{self.government_short_name}{self.site_title}"

    def as_dict(self) -> dict:
        return asdict(self)


# Before the settings were ever read in this process (a 500 at start-up): nobody's name.
NEUTRAL = SiteInfo(
    **{
        **{f.name: "" for f in fields(SiteInfo)},
        "site_title": FRESH_IDENTITY["site_title"],
        "home_headline": FRESH_WORDING["home_headline"],
    }
)

_last_known: SiteInfo | None = None


WORDING_FIELDS = ("home_headline", "home_introduction", "complaint_introduction")


def _read() -> dict | None:
    """Both settings rows in one query (public pages have a query budget)."""
    wording = PublicWording.objects.order_by("pk")
    identity_fields = [f.name for f in fields(SiteInfo) if f.name not in WORDING_FIELDS]
    return (
        SiteIdentity.objects.order_by("pk")
        .annotate(**{name: Subquery(wording.values(name)[:1]) for name in WORDING_FIELDS})
        .values(*identity_fields, *WORDING_FIELDS)
        .first()
    )


def site_info() -> SiteInfo:
    """The current settings (the rows are created by migration; a missing one is created)."""
    global _last_known
    values = _read()
    if values is None or values.get("home_headline") is None:
        SiteIdentity.load()  # Wagtail's load() creates a missing row
        PublicWording.load()
        values = _read() or {}
    read = {f.name: values.get(f.name) or "" for f in fields(SiteInfo)}
    # a row created empty (never saved through the admin, whose form requires them) still gives
    # the page a title and a headline: the neutral wording
    for name in ("site_title", "home_headline"):
        read[name] = read[name] or getattr(NEUTRAL, name)
    _last_known = SiteInfo(**read)
    return _last_known


def last_known_site_info() -> SiteInfo:
    """What was read last in this process, without touching the database."""
    return _last_known or NEUTRAL


def forget_site_info() -> None:
    global _last_known
    _last_known = None
