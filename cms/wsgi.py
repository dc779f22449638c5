"""WSGI entry point (gunicorn cms.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

from permissions.startup import refuse_demo_accounts  # noqa: E402

refuse_demo_accounts()
