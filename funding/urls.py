from django.urls import path

from funding import views
from hubsi.caching import cache_public_page

app_name = "funding"

urlpatterns = [
    path("funding/", cache_public_page(views.FundingListView.as_view()), name="funding-list"),
    path(
        "funding/<slug:slug>/",
        cache_public_page(views.FundingDetailView.as_view()),
        name="funding-detail",
    ),
]
