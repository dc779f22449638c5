"""django-axes' lockout check, first in ``AUTHENTICATION_BACKENDS``."""

from axes.backends import AxesStandaloneBackend


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuse any login attempt while the account name or the client address is locked out.

    A login has a request; ``authenticate()`` called by server-side code without one (the test
    client's ``login()``, a management command) has no client to count, and is let through to
    the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
