"""The feed tokens an organisation issued to other instances, and their revocation after a confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from confiance.accounts.permissions import Action, organisations_where
from confiance.library.models import FeedToken
from confiance.register.forms_confirm import ConfirmForm


def _tokens_for(person):
    return FeedToken.objects.filter(organisation__in=organisations_where(person, Action.ADMINISTER))


@login_required
def token_list(request):
    """The organisation's feed tokens, for its admins."""
    return render(request, "library/tokens.html", {"nav": "library", "tokens": _tokens_for(request.user)
                                                   .select_related("organisation").order_by("revoked", "name")})


@login_required
def token_revoke(request, pk):
    """Revoke a feed token after a confirmation page; the reason is kept in the token's history."""
    token = get_object_or_404(_tokens_for(request.user), pk=pk, revoked=False)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token.revoked = True
        token._change_reason = f"Révocation : {form.cleaned_data['reason']}"
        token._history_user = request.user
        token.save()
        messages.success(request, f"Le jeton « {token} » est révoqué.")
        return redirect("library:tokens")
    return render(request, "library/token_revoke.html", {"nav": "library", "token": token, "form": form})
