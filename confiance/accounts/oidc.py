"""Sign-in through ProConnect, the State's identity federation for public agents (OpenID Connect, Authlib).

Configured from the environment (docs/settings.md, docs/deploy.md): OIDC_DISCOVERY_URL,
OIDC_CLIENT_ID, OIDC_CLIENT_SECRET(_FILE), OIDC_SCOPES, OIDC_ACR_VALUES. The SIRET the
provider returns names the agent's establishment; its first nine digits are the SIREN of the
organisation the agent is attached to. A first sign-in creates the person with no role:
`requested_organisation` keeps where they belong until an administrator grants one. An agent
whose organisation is not on this instance gets a French page, not an error.
"""

import secrets
from urllib.parse import urlencode, urlsplit

from authlib.integrations.base_client import OAuthError
from authlib.integrations.django_client import OAuth
from django.conf import settings
from django.contrib import auth
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from requests import RequestException

from confiance.accounts.models import Organisation, Person

NAME = "proconnect"
_clients = {}


class SignInRefused(Exception):
    """A sign-in the provider allowed but Confiance cannot accept; `kind` picks the French page."""

    def __init__(self, kind, **context):
        super().__init__(kind)
        self.kind, self.context = kind, context


def enabled():
    return bool(settings.OIDC_DISCOVERY_URL and settings.OIDC_CLIENT_ID)


def provider_origin():
    """Return the origin (scheme, host, port) of the configured provider, or "" when ProConnect is off.

    Its authorize and end-session pages are expected there, as ProConnect's are; the
    Content-Security-Policy lets this site's forms lead to it (confiance.accounts.csp).
    """
    if not enabled():
        return ""
    parts = urlsplit(settings.OIDC_DISCOVERY_URL)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


def client():
    """Return the Authlib client for the configured provider (built once per configuration)."""
    url = settings.OIDC_DISCOVERY_URL
    if not url.endswith("/.well-known/openid-configuration"):
        url = url.rstrip("/") + "/.well-known/openid-configuration"  # the issuer was given
    key = (url, settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET, settings.OIDC_SCOPES)
    if key not in _clients:
        oauth = OAuth()
        oauth.register(NAME, client_id=settings.OIDC_CLIENT_ID, client_secret=settings.OIDC_CLIENT_SECRET,
                       server_metadata_url=url, client_kwargs={"scope": settings.OIDC_SCOPES})
        _clients[key] = oauth.create_client(NAME)
    return _clients[key]


def userinfo(oidc, token):
    """Return the userinfo claims; ProConnect signs them (application/jwt), other providers send JSON."""
    metadata = oidc.load_server_metadata()
    response = oidc.get(metadata["userinfo_endpoint"], token=token)
    response.raise_for_status()
    if response.headers.get("Content-Type", "").startswith("application/jwt"):
        token = jwt.decode(response.text, KeySet.import_key_set(oidc.fetch_jwk_set()))
        jwt.JWTClaimsRegistry().validate(token.claims)  # expiry and not-before
        return dict(token.claims)
    return response.json()


def organisation_for(siret):
    """Return the organisation whose SIREN starts `siret` (14 digits), or None."""
    digits = "".join(c for c in str(siret or "") if c.isdigit())
    if len(digits) != 14:
        return None
    return Organisation.objects.filter(siren=digits[:9]).first()


@transaction.atomic
def person_for(claims):
    """Return the Person signing in with these claims, creating them (with no role) on first sign-in."""
    organisation = organisation_for(claims.get("siret"))
    if organisation is None:
        raise SignInRefused("unknown_organisation", siret=claims.get("siret") or "")
    sub, email = claims["sub"], (claims.get("email") or "").strip()
    person = Person.objects.filter(oidc_subject=sub).first()
    if person is None and email:
        same = list(Person.objects.filter(email__iexact=email, oidc_subject__isnull=True)[:2])
        person = same[0] if len(same) == 1 else None  # an existing local account with this e-mail
    if person is None:
        person = Person(username=_free_username(email or claims.get("uid") or sub))
        person.set_unusable_password()
    if not person.is_active:
        raise SignInRefused("inactive")
    person.oidc_subject = sub
    person.email = email or person.email
    person.first_name = claims.get("given_name") or person.first_name
    person.last_name = claims.get("usual_name") or claims.get("family_name") or person.last_name
    if not person.pk or not person.memberships.filter(organisation=organisation).exists():
        person.requested_organisation = organisation
    person._change_reason = "Connexion ProConnect"
    person.save()
    return person


def awaiting_role(organisation_ids):
    """Return the people who signed in with ProConnect for these organisations and hold no role there yet."""
    return (Person.objects.filter(requested_organisation_id__in=organisation_ids, is_active=True)
            .exclude(memberships__organisation_id__in=organisation_ids).order_by("date_joined"))


def _free_username(wanted):
    base = (wanted or "agent")[:140]
    name = base
    while Person.objects.filter(username=name).exists():
        name = f"{base}-{secrets.token_hex(2)}"
    return name


def _public_url(name):
    """Return the absolute URL of `name` at SITE_URL: behind a proxy the request may not know it is https."""
    return settings.SITE_URL.rstrip("/") + reverse(name)


def _refused(request, kind, status=403, **context):
    return render(request, "accounts/oidc_refused.html", {"kind": kind, **context}, status=status)


def proconnect_login(request):
    """Send the agent to ProConnect; the answer comes back to `proconnect_callback`."""
    if not enabled():
        return _refused(request, "disabled", status=404)
    next_url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        request.session["oidc_next"] = next_url
    extra = {"acr_values": settings.OIDC_ACR_VALUES} if settings.OIDC_ACR_VALUES else {}
    return client().authorize_redirect(request, _public_url("proconnect_callback"), **extra)


def proconnect_callback(request):
    """Finish the sign-in: check the answer, find or create the person, sign them in."""
    if not enabled():
        return _refused(request, "disabled", status=404)
    if request.GET.get("error"):
        return _refused(request, "refused", error=request.GET.get("error_description") or request.GET["error"])
    oidc = client()
    try:
        token = oidc.authorize_access_token(request)
        claims = {**token.get("userinfo", {}), **userinfo(oidc, token)}
        person = person_for(claims)
    except SignInRefused as refusal:
        return _refused(request, refusal.kind, **refusal.context)
    except (OAuthError, JoseError, RequestException, KeyError, ValueError) as error:
        return _refused(request, "failed", status=400, error=str(error))
    auth.login(request, person, backend="django.contrib.auth.backends.ModelBackend")
    request.session["oidc_id_token"] = token.get("id_token", "")
    return redirect(request.session.pop("oidc_next", "") or settings.LOGIN_REDIRECT_URL)


@require_POST
def logout(request):
    """Sign out here and, after a ProConnect sign-in, at the provider too."""
    id_token = request.session.get("oidc_id_token")
    auth.logout(request)
    if id_token and enabled():
        end_session = client().load_server_metadata().get("end_session_endpoint")
        if end_session:
            query = urlencode({"id_token_hint": id_token, "state": secrets.token_urlsafe(16),
                               "post_logout_redirect_uri": _public_url(settings.LOGOUT_REDIRECT_URL)})
            return redirect(f"{end_session}?{query}")
    return redirect(settings.LOGOUT_REDIRECT_URL)


class LoginView(auth_views.LoginView):
    """The login page: the ProConnect button when configured, the local form unless LOCAL_ACCOUNTS is off."""

    def post(self, request, *args, **kwargs):
        if not settings.LOCAL_ACCOUNTS:
            return HttpResponseForbidden("Les comptes locaux sont désactivés : connectez-vous avec ProConnect.")
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "proconnect": enabled(),
                "local_accounts": settings.LOCAL_ACCOUNTS, "provider_name": settings.OIDC_PROVIDER_NAME}
