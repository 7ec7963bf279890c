from django.urls import path

from hubsi.caching import cache_public_page
from hubsi.selfservice.views import owner_urls
from learning import calendar, selfservice, views

app_name = "learning"

urlpatterns = [
    path("learning/", cache_public_page(views.LearningListView.as_view()), name="offer-list"),
    path(
        "learning/calendar.ics",
        cache_public_page(calendar.learning_calendar),
        name="offer-calendar",
    ),
    # Self-service (hubsi/selfservice/views.py): before the detail route, so that `new` is
    # never read as a slug (it is reserved as well).
    *owner_urls(selfservice.LEARNING_OFFER),
    path(
        "learning/<slug:slug>/",
        cache_public_page(views.LearningDetailView.as_view()),
        name="offer-detail",
    ),
    path("practices/", cache_public_page(views.PracticeListView.as_view()), name="practice-list"),
    path(
        "practices/<slug:slug>/",
        cache_public_page(views.PracticeDetailView.as_view()),
        name="practice-detail",
    ),
    path(
        "practices/<slug:slug>/apply/",
        views.PracticeClaimView.as_view(),
        name="practice-claim",
    ),
]
