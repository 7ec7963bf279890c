from django.urls import path

from connections import views

app_name = "connections"

urlpatterns = [
    path("innovations/<slug:slug>/contact/", views.contact_innovation, name="contact-innovation"),
    path("supporters/<slug:slug>/contact/", views.contact_supporter, name="contact-supporter"),
    path(
        "contact-requests/<int:pk>/",
        views.contact_request_detail,
        name="contact-request-detail",
    ),
    path(
        "contact-requests/<int:pk>/answer/",
        views.contact_request_answer,
        name="contact-request-answer",
    ),
    path(
        "contact-requests/<int:pk>/report/",
        views.contact_request_report,
        name="contact-request-report",
    ),
    path("report/", views.report_page, name="report-page"),
    path("saved-searches/", views.saved_search_list, name="saved-search-list"),
    path("saved-searches/new/", views.saved_search_new, name="new-saved-search"),
    path(
        "saved-searches/<int:pk>/delete/",
        views.saved_search_delete,
        name="delete-saved-search",
    ),
    path("saved-searches/digest/", views.digest_frequency, name="digest-frequency"),
    path(
        "digests/unsubscribe/<str:token>/",
        views.digest_unsubscribe,
        name="digest-unsubscribe",
    ),
]
