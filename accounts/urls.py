from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("privacy/", views.your_data, name="privacy"),
    path("language/", views.email_language, name="email-language"),
    path("privacy/download/", views.download_data, name="download-data"),
    path("delete/", views.delete_account, name="delete-account"),
    path("deleted/", views.account_deleted, name="deleted"),
]
