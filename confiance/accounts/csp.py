"""The Content-Security-Policy middleware (django-csp 4), letting this site's forms lead to the sign-in provider."""

from csp.middleware import CSPMiddleware

from confiance.accounts import oidc


class CSPMiddlewareWithProvider(CSPMiddleware):
    """django-csp's middleware; when ProConnect is configured, `form-action` also allows the provider's origin.

    The "S'identifier avec ProConnect" form and the sign-out form are sent to this site, which
    answers with a redirect to the provider (authorize, end of session); browsers check
    `form-action` along that redirect. Only the configured provider's origin is added, read from
    OIDC_DISCOVERY_URL at each response, so the policy follows the settings; nothing else changes.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        origin = oidc.provider_origin()
        if origin and not report_only:
            update = dict(parts.update or {})
            allowed = update.get("form-action") or []
            allowed = [allowed] if isinstance(allowed, str) else list(allowed)
            update["form-action"] = [*allowed, origin]
            parts.update = update
        return parts
