from django.urls import path

from hubsi.caching import cache_public_page
from hubsi.selfservice.views import owner_urls
from supporters import selfservice, views

app_name = "supporters"

urlpatterns = [
    path(
        "supporters/", cache_public_page(views.SupporterListView.as_view()), name="supporter-list"
    ),
    # Self-service (hubsi/selfservice/views.py): before the detail routes, so that `new` is
    # never read as a slug (it is reserved as well).
    *owner_urls(selfservice.SUPPORTER),
    *owner_urls(selfservice.SPACE),
    path(
        "supporters/<slug:slug>/",
        cache_public_page(views.SupporterDetailView.as_view()),
        name="supporter-detail",
    ),
    path("spaces/", cache_public_page(views.SpaceListView.as_view()), name="space-list"),
    path(
        "spaces/<slug:slug>/",
        cache_public_page(views.SpaceDetailView.as_view()),
        name="space-detail",
    ),
]
