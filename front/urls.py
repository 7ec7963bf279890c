"""The pages that combine apps. No namespace: their URL names (`home`, `search`, `insights`,
`challenge-detail`, `dashboard`) are the site's own."""

from django.urls import path

from front import dashboard, insight_views, views
from hubsi.caching import cache_public_page

urlpatterns = [
    path("", cache_public_page(views.HomeView.as_view()), name="home"),
    path("search/", cache_public_page(views.SearchView.as_view()), name="search"),
    path("insights/", cache_public_page(insight_views.InsightsView.as_view()), name="insights"),
    path(
        "challenges/<slug:slug>/",
        cache_public_page(views.ChallengeHubView.as_view()),
        name="challenge-detail",
    ),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
]
