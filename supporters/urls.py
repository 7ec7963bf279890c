from django.urls import path

from hubsi.caching import cache_public_page
from supporters import selfservice, views

app_name = "supporters"

urlpatterns = [
    path(
        "supporters/", cache_public_page(views.SupporterListView.as_view()), name="supporter-list"
    ),
    # Self-service (supporters/selfservice.py): before the detail routes, so that `new` is
    # never read as a slug (it is reserved as well).
    path("supporters/new/", selfservice.supporter_new, name="new-supporter"),
    path("supporters/<slug:slug>/edit/", selfservice.supporter_edit, name="edit-supporter"),
    path(
        "supporters/<slug:slug>/edit/<slug:step>/",
        selfservice.supporter_edit_step,
        name="edit-step",
    ),
    path(
        "supporters/<slug:slug>/preview/",
        selfservice.supporter_preview,
        name="preview-supporter",
    ),
    path("supporters/<slug:slug>/submit/", selfservice.supporter_submit, name="submit-supporter"),
    path("supporters/<slug:slug>/delete/", selfservice.supporter_delete, name="delete-supporter"),
    path("supporters/<slug:slug>/invite/", selfservice.supporter_invite, name="invite-supporter"),
    path("spaces/new/", selfservice.space_new, name="new-space"),
    path("spaces/<slug:slug>/edit/", selfservice.space_edit, name="edit-space"),
    # The same page under the name mails to owners look up (`<app>:edit-<model_name>`,
    # hubsi.services.owner_links); never linked in pages.
    path("spaces/<slug:slug>/edit/", selfservice.space_edit, name="edit-experimentationspace"),
    path(
        "spaces/<slug:slug>/edit/<slug:step>/",
        selfservice.space_edit_step,
        name="space-edit-step",
    ),
    path("spaces/<slug:slug>/preview/", selfservice.space_preview, name="preview-space"),
    path("spaces/<slug:slug>/submit/", selfservice.space_submit, name="submit-space"),
    path("spaces/<slug:slug>/delete/", selfservice.space_delete, name="delete-space"),
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
