"""The signed-in person's dashboard: their innovations, profiles, places and learning offers,
with what to do next (`hubsi.selfservice.dashboard.owned_entries`), their matches and contact
requests."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hubsi.selfservice.dashboard import owned_entries
from innovations.selfservice import INNOVATION
from learning.selfservice import LEARNING_OFFER
from supporters.selfservice import SPACE, SUPPORTER


@never_cache
@login_required
@require_GET
def dashboard(request):
    return render(
        request,
        "dashboard.html",
        {
            "innovations": owned_entries(INNOVATION, request.user),
            "supporters": owned_entries(SUPPORTER, request.user),
            "spaces": owned_entries(SPACE, request.user),
            "learning_offers": owned_entries(LEARNING_OFFER, request.user),
            "noindex": True,
        },
    )
