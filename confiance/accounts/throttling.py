"""Login throttling per account and per address (django-axes; settings AXES_*, docs/settings.md)."""

from axes.backends import AxesStandaloneBackend


class ThrottledBackend(AxesStandaloneBackend):
    """Refuse a login while its account or address is locked; the next backend checks the password.

    Only a login made through a request can be throttled: a call without one (the
    test client, a management command) is left to the next backend.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
