from django.db import models


class ContentKind(models.TextChoices):
    POLICY = "policy", "政策解读"
    FAQ = "faq", "常见问题"
    NEWS = "news", "工作动态"
    NOTICE = "notice", "通知公告"


# The index page of each kind: its slug under /info/ and the order on the home page.
INDEX_SLUGS = {
    ContentKind.POLICY: "policy",
    ContentKind.FAQ: "faq",
    ContentKind.NEWS: "news",
    ContentKind.NOTICE: "notices",
}
