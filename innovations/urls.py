from django.urls import path

from hubsi.caching import cache_public_page
from innovations import selfservice, views

app_name = "innovations"

urlpatterns = [
    path(
        "innovations/",
        cache_public_page(views.InnovationListView.as_view()),
        name="innovation-list",
    ),
    # Self-service (innovations/selfservice.py): before the detail route, so that `new` is
    # never read as a slug (it is reserved as well).
    path("innovations/new/", selfservice.innovation_new, name="new-innovation"),
    path("innovations/new/similar/", selfservice.similar_json, name="similar-innovations"),
    path("innovations/<slug:slug>/edit/", selfservice.innovation_edit, name="edit-innovation"),
    path(
        "innovations/<slug:slug>/edit/<slug:step>/",
        selfservice.innovation_edit_step,
        name="edit-step",
    ),
    path(
        "innovations/<slug:slug>/preview/",
        selfservice.innovation_preview,
        name="preview-innovation",
    ),
    path(
        "innovations/<slug:slug>/submit/", selfservice.innovation_submit, name="submit-innovation"
    ),
    path(
        "innovations/<slug:slug>/delete/", selfservice.innovation_delete, name="delete-innovation"
    ),
    path(
        "innovations/<slug:slug>/invite/", selfservice.innovation_invite, name="invite-innovation"
    ),
    path(
        "innovations/<slug:slug>/",
        cache_public_page(views.InnovationDetailView.as_view()),
        name="innovation-detail",
    ),
    path(
        "challenges/", cache_public_page(views.ChallengeListView.as_view()), name="challenge-list"
    ),
]
