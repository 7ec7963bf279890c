from django.urls import path

from hubsi.caching import cache_public_page
from hubsi.selfservice.views import owner_urls
from innovations import selfservice, views

app_name = "innovations"

urlpatterns = [
    path(
        "innovations/",
        cache_public_page(views.InnovationListView.as_view()),
        name="innovation-list",
    ),
    # Self-service (hubsi/selfservice/views.py): before the detail route, so that `new` is
    # never read as a slug (it is reserved as well).
    path("innovations/new/similar/", selfservice.similar_json, name="similar-innovations"),
    *owner_urls(selfservice.INNOVATION),
    path(
        "innovations/<slug:slug>/",
        cache_public_page(views.InnovationDetailView.as_view()),
        name="innovation-detail",
    ),
    path(
        "challenges/", cache_public_page(views.ChallengeListView.as_view()), name="challenge-list"
    ),
]
