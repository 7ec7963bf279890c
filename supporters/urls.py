from django.urls import path

from supporters import views

app_name = "supporters"

urlpatterns = [
    path("supporters/", views.SupporterListView.as_view(), name="supporter-list"),
    path("supporters/<slug:slug>/", views.SupporterDetailView.as_view(), name="supporter-detail"),
    path("spaces/", views.SpaceListView.as_view(), name="space-list"),
    path("spaces/<slug:slug>/", views.SpaceDetailView.as_view(), name="space-detail"),
]
