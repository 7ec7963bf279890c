from django.urls import path

from funding import views

app_name = "funding"

urlpatterns = [
    path("funding/", views.FundingListView.as_view(), name="funding-list"),
    path("funding/<slug:slug>/", views.FundingDetailView.as_view(), name="funding-detail"),
]
