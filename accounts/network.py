"""The client's address, the one definition for the lockout counter and the audit log.

Behind a reverse proxy every request comes from the proxy: set ``TRUSTED_PROXY_COUNT`` to the
number of proxies in front of the application (usually 1), each of which appends the address
it saw to ``X-Forwarded-For`` (nginx: ``proxy_set_header X-Forwarded-For
$proxy_add_x_forwarded_for``). The client is then the entry that the outermost trusted proxy
added; entries further left were sent by the client and are ignored. With 0 (the default)
``REMOTE_ADDR`` is the client.
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    if request is None:
        return None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            address = _valid(forwarded[-count])
            if address:
                return address
    return _valid(request.META.get("REMOTE_ADDR", "") or "")
