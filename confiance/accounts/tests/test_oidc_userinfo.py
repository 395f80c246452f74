"""ProConnect signs its userinfo answer (application/jwt): it is verified with the provider's published keys."""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from joserfc import jwt
from joserfc.errors import BadSignatureError, ExpiredTokenError
from joserfc.jwk import KeySet, RSAKey

from confiance.accounts import oidc

KEY = RSAKey.generate_key(2048, parameters={"kid": "cle-1", "use": "sig", "alg": "RS256"})
OTHER_KEY = RSAKey.generate_key(2048, parameters={"kid": "cle-1", "use": "sig", "alg": "RS256"})


class Provider(BaseHTTPRequestHandler):
    userinfo = b""

    def do_GET(self):  # noqa: N802 - the name http.server calls
        base = f"http://127.0.0.1:{self.server.server_port}"
        if self.path == "/.well-known/openid-configuration":
            body, kind = json.dumps({"issuer": base, "userinfo_endpoint": f"{base}/userinfo",
                                     "jwks_uri": f"{base}/jwks", "authorization_endpoint": f"{base}/auth",
                                     "token_endpoint": f"{base}/token"}).encode(), "application/json"
        elif self.path == "/jwks":
            body, kind = json.dumps(KeySet([KEY]).as_dict(private=False)).encode(), "application/json"
        else:
            assert self.headers["Authorization"] == "Bearer jeton-d-acces"
            body, kind = self.server.userinfo, "application/jwt; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def provider(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Provider)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.OIDC_DISCOVERY_URL = f"http://127.0.0.1:{server.server_port}"
    settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET = "confiance", "secret"
    yield server
    server.shutdown()


def _signed(key, **claims):
    claims = {"sub": "abc", "siret": "24340001700016", "usual_name": "Martin", "exp": int(time.time()) + 60, **claims}
    return jwt.encode({"alg": "RS256", "kid": "cle-1"}, claims, key).encode()


def _userinfo():
    return oidc.userinfo(oidc.client(), {"access_token": "jeton-d-acces", "token_type": "Bearer"})


def test_it_reads_a_userinfo_signed_with_the_provider_key(provider):
    provider.userinfo = _signed(KEY)
    claims = _userinfo()
    assert (claims["sub"], claims["siret"], claims["usual_name"]) == ("abc", "24340001700016", "Martin")


def test_it_refuses_a_userinfo_signed_with_another_key(provider):
    provider.userinfo = _signed(OTHER_KEY)
    with pytest.raises(BadSignatureError):
        _userinfo()


def test_it_refuses_an_expired_userinfo(provider):
    provider.userinfo = _signed(KEY, exp=int(time.time()) - 600)
    with pytest.raises(ExpiredTokenError):
        _userinfo()
