from django.urls import path

from innovations import views

app_name = "innovations"

urlpatterns = [
    path("innovations/", views.InnovationListView.as_view(), name="innovation-list"),
    path(
        "innovations/<slug:slug>/",
        views.InnovationDetailView.as_view(),
        name="innovation-detail",
    ),
    path("challenges/", views.ChallengeListView.as_view(), name="challenge-list"),
    path("challenges/<slug:slug>/", views.ChallengeHubView.as_view(), name="challenge-detail"),
]
