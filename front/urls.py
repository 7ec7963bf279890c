"""The site's pages (no namespace: `{% url 'dashboard' %}`)."""

from django.urls import path

from front import dashboard

urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
]
