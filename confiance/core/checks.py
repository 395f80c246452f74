"""System checks: configuration mistakes that must stop a production start."""

from django.conf import settings
from django.core.checks import Error, Tags, register

DEMO_SECRET_KEY = "confiance-demo-key-not-for-production"


@register(Tags.security, deploy=True)
def check_secret_key(app_configs, **kwargs):
    if not settings.DEBUG and settings.SECRET_KEY == DEMO_SECRET_KEY:
        return [Error(
            "SECRET_KEY is the demo key: set SECRET_KEY or SECRET_KEY_FILE before deploying.",
            id="confiance.E001",
        )]
    return []
