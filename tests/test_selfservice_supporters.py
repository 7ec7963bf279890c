"""Sara registers her organisation and its experimentation places through the same kind of
guided form as innovations: every step saves on the server, published content changes only
after review, and the curators' round-trip reaches her by mail and on the page."""

import io
from urllib.parse import urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from hubsi import services
from hubsi.models import DraftInput, Revision, Status, SubmissionConsent
from supporters.models import ExperimentationSpace, Supporter
from tests.factories import make_challenge, make_space, make_supporter, make_user, verify_email

# These tests read the English interface (source strings); Dutch is covered by the journeys.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def sara(client):
    user = verify_email(make_user("sara@example.org"))
    client.force_login(user)
    return user


def step_url(supporter, step):
    return reverse("supporters:edit-supporter-step", args=[supporter.slug, step])


def space_step_url(space, step):
    return reverse("supporters:edit-space-step", args=[space.slug, step])


def organisation(**overrides):
    return {
        "name": "Energiehuis Genk",
        "helix_role": "civil_society",
        "description": "Wij begeleiden bewonerscollectieven bij energieprojecten.",
        "website": "energiehuis.be",
        "contact_email": "info@energiehuis.be",
        "action": "next",
        **overrides,
    }


def place(host, **overrides):
    return {
        "host": host.pk,
        "name": "Proefwoning Winterslag",
        "description": "Een woning waar renovaties met bewoners getest worden.",
        "municipality": "Genk",
        "region": "limburg",
        "action": "next",
        **overrides,
    }


def draft_supporter(sara, status=Status.DRAFT, **fields):
    """A complete profile Sara manages (a draft unless told otherwise)."""
    return make_supporter(
        managers=[sara], status=status, offers=["coaching"], regions=["limburg"], **fields
    )


def png(size=(900, 300)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format="PNG")
    return SimpleUploadedFile("mijn logo.png", buffer.getvalue(), content_type="image/png")


# The organisation profile ------------------------------------------------------------------


def test_the_first_valid_step_creates_a_draft_profile_managed_by_sara(client, sara):
    response = client.post(reverse("supporters:new-supporter"), organisation())
    supporter = Supporter.objects.get()
    assert response["Location"] == step_url(supporter, "offer")
    assert supporter.status == Status.DRAFT
    assert list(supporter.managers.all()) == [sara]
    assert supporter.slug == "energiehuis-genk"
    assert supporter.website == "https://energiehuis.be"


def test_the_new_profile_form_shows_step_one_of_two(client, sara):
    html = client.get(reverse("supporters:new-supporter")).content.decode()
    assert "Step 1 of 2" in html and 'name="helix_role"' in html
    assert 'name="contact_email"' in html and 'type="file"' in html


def test_a_profile_without_a_name_creates_nothing_and_keeps_what_was_typed(client, sara):
    response = client.post(reverse("supporters:new-supporter"), organisation(name=""))
    html = response.content.decode()
    assert response.status_code == 200 and not Supporter.objects.exists()
    assert "Wij begeleiden bewonerscollectieven" in html and 'aria-invalid="true"' in html


def test_the_offer_step_saves_and_leads_to_the_preview(client, sara):
    challenge = make_challenge()
    supporter = draft_supporter(sara)
    response = client.post(
        step_url(supporter, "offer"),
        {
            "offers": ["coaching", "funding"],
            "stages": ["insight"],
            "challenges": [challenge.pk],
            "regions": ["limburg", "flanders"],
        },
    )
    assert response["Location"] == reverse("supporters:preview-supporter", args=[supporter.slug])
    assert sorted(supporter.offers.values_list("pk", flat=True)) == ["coaching", "funding"]
    assert list(supporter.challenges.all()) == [challenge]
    assert sorted(supporter.regions.values_list("pk", flat=True)) == ["flanders", "limburg"]


def test_a_step_with_an_error_saves_the_rest_and_keeps_the_input(client, sara):
    supporter = draft_supporter(sara)
    response = client.post(step_url(supporter, "offer"), {"offers": [], "regions": ["antwerp"]})
    assert "Choose at least one kind of support." in response.content.decode()
    assert list(supporter.regions.values_list("pk", flat=True)) == ["antwerp"]
    assert DraftInput.objects.for_object(supporter).get().step == "offer"
    # Unsaved input blocks submission until the step is saved without errors.
    html = client.get(reverse("supporters:submit-supporter", args=[supporter.slug]))
    assert "complete these steps" in html.content.decode()


def test_edit_continues_at_the_first_step_not_done(client, sara):
    supporter = make_supporter(managers=[sara], status=Status.DRAFT)  # no offer, no regions
    response = client.get(reverse("supporters:edit-supporter", args=[supporter.slug]))
    assert response["Location"] == step_url(supporter, "offer")


def test_a_logo_is_stored_re_encoded_under_the_supporters_folder(client, sara, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    supporter = draft_supporter(sara)
    client.post(step_url(supporter, "organisation"), organisation(logo=png(), action="save"))
    supporter.refresh_from_db()
    assert supporter.logo.name.startswith("logos/supporters/")
    assert supporter.logo.name.endswith(".webp") and "mijn" not in supporter.logo.name


def test_a_rejected_logo_gets_a_clear_message_and_the_rest_is_kept(
    client, sara, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    supporter = draft_supporter(sara)
    fake = SimpleUploadedFile("logo.png", b"GIF89a not really", content_type="image/png")
    response = client.post(
        step_url(supporter, "organisation"),
        organisation(logo=fake, name="Energiehuis Limburg", website="https://eh.be"),
    )
    assert "not a JPEG, PNG or WebP image" in response.content.decode()
    supporter.refresh_from_db()
    assert (supporter.name, supporter.website) == ("Energiehuis Limburg", "https://eh.be")
    assert not supporter.logo
    assert not list(tmp_path.rglob("*.*"))


def test_the_preview_shows_the_profile_as_it_will_look(client, sara):
    supporter = draft_supporter(sara, name="Energiehuis Genk", contact_email="x@eh.be")
    html = client.get(
        reverse("supporters:preview-supporter", args=[supporter.slug])
    ).content.decode()
    assert "Energiehuis Genk" in html and "Coaching" in html and "x@eh.be" in html
    assert reverse("supporters:submit-supporter", args=[supporter.slug]) in html
    assert reverse("supporters:delete-supporter", args=[supporter.slug]) in html


def test_submitting_the_profile_records_consent_and_mails_the_curators(
    client, sara, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CURATOR_EMAILS = ["curatoren@europa-wse.example"]
    supporter = draft_supporter(sara, name="Energiehuis Genk")
    url = reverse("supporters:submit-supporter", args=[supporter.slug])
    assert "Confirm both" in client.post(url, {"may_publish": "on"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"may_publish": "on", "accepts_terms": "on"})
    assert response["Location"] == reverse("dashboard")
    supporter.refresh_from_db()
    assert supporter.status == Status.SUBMITTED
    assert SubmissionConsent.objects.get().content_object == supporter
    assert [mail.to for mail in mailoutbox] == [["curatoren@europa-wse.example"]]
    # Waiting for review: the steps lead to the preview.
    response = client.get(step_url(supporter, "organisation"))
    assert response["Location"] == reverse("supporters:preview-supporter", args=[supporter.slug])


def test_the_review_round_trip_of_a_profile(
    client, sara, curator, mailoutbox, django_capture_on_commit_callbacks
):
    supporter = draft_supporter(sara, status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.content_request_changes(obj=supporter, by=curator, note="Noem je regio's.")
    assert mailoutbox[-1].to == ["sara@example.org"]
    assert reverse("supporters:edit-supporter", args=[supporter.slug]) in mailoutbox[-1].body
    assert "Noem je regio" in client.get(step_url(supporter, "offer")).content.decode()
    client.post(step_url(supporter, "offer"), {"offers": ["coaching"], "regions": ["antwerp"]})
    client.post(
        reverse("supporters:submit-supporter", args=[supporter.slug]),
        {"may_publish": "on", "accepts_terms": "on"},
    )
    supporter.refresh_from_db()
    assert supporter.status == Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        services.content_publish(obj=supporter, by=curator)
    assert supporter.get_absolute_url() in mailoutbox[-1].body
    assert client.get(supporter.get_absolute_url()).status_code == 200


def test_edits_to_a_published_profile_wait_for_review(
    client, sara, curator, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CURATOR_EMAILS = ["curatoren@europa-wse.example"]
    supporter = draft_supporter(sara, name="Energiehuis Genk", status=Status.PUBLISHED)
    client.post(
        step_url(supporter, "organisation"),
        organisation(name="Energiehuis Limburg", helix_role="knowledge"),
    )
    supporter.refresh_from_db()
    assert supporter.name == "Energiehuis Genk"  # the public version stays
    revision = Revision.objects.for_object(supporter).get()
    assert revision.data["name"] == "Energiehuis Limburg"
    assert "Energiehuis Genk" in client.get(supporter.get_absolute_url()).content.decode()
    preview = client.get(reverse("supporters:preview-supporter", args=[supporter.slug]))
    assert "Your changes to the published version" in preview.content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "you have changes that are not submitted" in dashboard

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("supporters:submit-supporter", args=[supporter.slug]),
            {"may_publish": "on", "accepts_terms": "on"},
        )
    revision.refresh_from_db()
    assert revision.is_submitted and mailoutbox[-1].to == ["curatoren@europa-wse.example"]
    with django_capture_on_commit_callbacks(execute=True):
        services.revision_publish(obj=supporter, by=curator)
    supporter.refresh_from_db()
    assert (supporter.name, supporter.helix_role) == ("Energiehuis Limburg", "knowledge")
    assert mailoutbox[-1].to == ["sara@example.org"]


def test_sara_deletes_a_draft_profile_but_not_a_published_one(client, sara):
    draft = draft_supporter(sara)
    published = draft_supporter(sara, status=Status.PUBLISHED)
    client.post(reverse("supporters:delete-supporter", args=[draft.slug]))
    assert not Supporter.objects.filter(pk=draft.pk).exists()
    response = client.post(reverse("supporters:delete-supporter", args=[published.slug]))
    assert "Only drafts can be deleted" in response.content.decode()
    assert Supporter.objects.filter(pk=published.pk).exists()


def test_an_invited_colleague_becomes_a_co_manager(
    client, sara, mailoutbox, django_capture_on_commit_callbacks
):
    supporter = draft_supporter(sara)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("supporters:invite-supporter", args=[supporter.slug]),
            {"email": "tom@example.org"},
        )
    link = next(line for line in mailoutbox[-1].body.splitlines() if "/invitations/" in line)
    tom = verify_email(make_user("tom@example.org"))
    client.force_login(tom)
    client.post(urlparse(link.strip()).path)
    assert tom in supporter.managers.all()
    assert client.get(step_url(supporter, "offer")).status_code == 200


# Experimentation places --------------------------------------------------------------------


def test_a_new_place_needs_an_organisation_profile_first(client, sara):
    html = client.get(reverse("supporters:new-space")).content.decode()
    assert "first create the profile of your organisation" in html
    assert reverse("supporters:new-supporter") in html


def test_a_new_place_is_hosted_by_one_of_her_organisations(client, sara):
    host = draft_supporter(sara, name="Energiehuis Genk")
    make_supporter(name="Niet van Sara")
    html = client.get(reverse("supporters:new-space")).content.decode()
    assert "Energiehuis Genk" in html and "Niet van Sara" not in html
    response = client.post(reverse("supporters:new-space"), place(host))
    space = ExperimentationSpace.objects.get()
    assert response["Location"] == space_step_url(space, "access")
    assert (space.host, space.status, space.slug) == (host, Status.DRAFT, "proefwoning-winterslag")


def test_a_place_cannot_be_hosted_by_someone_elses_organisation(client, sara):
    draft_supporter(sara)
    other = make_supporter(name="Niet van Sara")
    response = client.post(reverse("supporters:new-space"), place(other))
    assert response.status_code == 200 and not ExperimentationSpace.objects.exists()


def test_the_access_step_saves_and_leads_to_the_preview(client, sara):
    space = make_space(host=draft_supporter(sara), status=Status.DRAFT)
    response = client.post(
        space_step_url(space, "access"),
        {"access": "Gratis voor bewonersinitiatieven.", "open_to_citizens": "on"},
    )
    assert response["Location"] == reverse("supporters:preview-space", args=[space.slug])
    space.refresh_from_db()
    assert space.open_to_citizens and space.access == "Gratis voor bewonersinitiatieven."


def test_the_managers_of_the_host_own_the_place(client, sara):
    space = make_space(host=draft_supporter(sara), status=Status.DRAFT)
    tom = verify_email(make_user("tom@example.org"))
    client.force_login(tom)
    assert client.get(space_step_url(space, "place")).status_code == 404
    space.host.managers.add(tom)
    assert client.get(space_step_url(space, "place")).status_code == 200


def test_the_review_round_trip_of_a_place(
    client, sara, curator, mailoutbox, django_capture_on_commit_callbacks
):
    space = make_space(
        host=draft_supporter(sara, status=Status.PUBLISHED),
        status=Status.DRAFT,
        access="Op aanvraag.",
    )
    client.post(
        reverse("supporters:submit-space", args=[space.slug]),
        {"may_publish": "on", "accepts_terms": "on"},
    )
    space.refresh_from_db()
    assert space.status == Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        services.content_request_changes(obj=space, by=curator, note="Welke kosten?")
    assert mailoutbox[-1].to == ["sara@example.org"]
    assert reverse("supporters:edit-space", args=[space.slug]) in mailoutbox[-1].body
    assert "Welke kosten?" in client.get(space_step_url(space, "access")).content.decode()
    client.post(space_step_url(space, "access"), {"access": "Gratis."})
    client.post(
        reverse("supporters:submit-space", args=[space.slug]),
        {"may_publish": "on", "accepts_terms": "on"},
    )
    space.refresh_from_db()
    assert space.status == Status.SUBMITTED
    with django_capture_on_commit_callbacks(execute=True):
        services.content_publish(obj=space, by=curator)
    assert client.get(space.get_absolute_url()).status_code == 200


def test_edits_to_a_published_place_wait_for_review(client, sara, curator):
    space = make_space(host=draft_supporter(sara, status=Status.PUBLISHED), access="Op aanvraag.")
    client.post(space_step_url(space, "access"), {"access": "Gratis voor iedereen."})
    space.refresh_from_db()
    assert space.access == "Op aanvraag."
    assert Revision.objects.for_object(space).get().data == {"access": "Gratis voor iedereen."}
    client.post(
        reverse("supporters:submit-space", args=[space.slug]),
        {"may_publish": "on", "accepts_terms": "on"},
    )
    services.revision_publish(obj=space, by=curator)
    space.refresh_from_db()
    assert space.access == "Gratis voor iedereen."


def test_sara_deletes_a_draft_place(client, sara):
    space = make_space(host=draft_supporter(sara), status=Status.DRAFT)
    client.post(reverse("supporters:delete-space", args=[space.slug]))
    assert not ExperimentationSpace.objects.exists()


# Dashboard ---------------------------------------------------------------------------------


def test_the_dashboard_says_what_to_do_next_with_profiles_and_places(client, sara):
    host = make_supporter(managers=[sara], status=Status.DRAFT, name="Energiehuis Genk")
    space = make_space(host=host, status=Status.DRAFT, access="Op aanvraag.")
    html = client.get(reverse("dashboard")).content.decode()
    assert step_url(host, "offer") in html  # offer and regions are missing
    assert reverse("supporters:preview-space", args=[space.slug]) in html
    assert reverse("supporters:invite-supporter", args=[host.slug]) in html
    assert reverse("supporters:new-space") in html
    assert reverse("supporters:new-supporter") in html


def test_the_dashboard_invites_to_register_an_organisation(client, sara):
    html = client.get(reverse("dashboard")).content.decode()
    assert "Register your organisation" in html
    assert reverse("supporters:new-supporter") in html


def test_the_dashboard_query_count_does_not_grow_with_profiles_and_places(client, sara):
    # Unpublished profiles: the supporter matches on the dashboard (connections app) have
    # their own query-count test.
    def add_content():
        supporter = draft_supporter(sara)
        make_space(host=supporter, status=Status.DRAFT)
        submitted = draft_supporter(sara, status=Status.SUBMITTED)
        make_space(host=submitted, status=Status.CHANGES_REQUESTED, curator_note="x")

    add_content()
    client.get(reverse("dashboard"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dashboard"))
    for _ in range(3):
        add_content()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("dashboard"))
    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)


def test_the_profile_form_works_in_english_too(client, sara):
    response = client.post("/en/supporters/new/", organisation(name="Energy House Genk"))
    assert response["Location"] == "/en/supporters/energy-house-genk/edit/offer/"
