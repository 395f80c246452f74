"""A person's API tokens, and those of their organisations' people for its admins; revocation after a confirmation."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from confiance.accounts.models import ApiToken
from confiance.accounts.permissions import Action, organisations_where
from confiance.register.forms_confirm import ConfirmForm


def tokens_for(person):
    """Return the tokens `person` may see and revoke: their own, and their people's where they administer."""
    administered = organisations_where(person, Action.ADMINISTER)
    return ApiToken.objects.filter(Q(person=person) | Q(person__memberships__organisation__in=administered)).distinct()


class TokenForm(forms.Form):
    name = forms.CharField(label="Nom du jeton", max_length=100,
                           help_text="Le programme qui l'utilisera, par exemple « Export mensuel du SIG ».",
                           error_messages={"required": "Nommez le jeton : il sert à le reconnaître pour le révoquer."})


@never_cache
@login_required
def token_list(request):
    """Mes jetons d'API: one's own tokens, then the other people's an admin answers for; a POST issues one.

    The secret is shown once, on the page that answers the POST: only its digest is stored.
    """
    form, raw = TokenForm(request.POST or None), None
    if request.method == "POST" and form.is_valid():
        token, raw = ApiToken.issue(request.user, form.cleaned_data["name"])
        form = TokenForm()
    tokens = list(tokens_for(request.user).select_related("person", "revoked_by")
                  .order_by("person__last_name", "person__username", "revoked_at", "name"))
    return render(request, "accounts/tokens.html", {
        "own": [t for t in tokens if t.person_id == request.user.pk],
        "others": [t for t in tokens if t.person_id != request.user.pk],
        "form": form, "raw": raw,
    })


@login_required
def token_revoke(request, pk):
    """Revoke a token after a confirmation page; the reason is kept in the token's history."""
    token = get_object_or_404(tokens_for(request.user).select_related("person"), pk=pk, revoked_at__isnull=True)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token.revoke(request.user, form.cleaned_data["reason"])
        messages.success(request, f"Le jeton « {token} » est révoqué.")
        return redirect("accounts:tokens")
    return render(request, "accounts/token_revoke.html", {"token": token, "form": form})
