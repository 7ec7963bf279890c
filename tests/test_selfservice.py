"""Sara registers her innovation in five steps: every step saves on the server, nothing typed is
lost, similar innovations appear beside the problem, and she submits it with her consent."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image

from hubsi import services
from hubsi.models import DraftInput, Status, SubmissionConsent
from innovations.models import Innovation
from tests.factories import (
    make_challenge,
    make_draft_innovation,
    make_innovation,
    make_space,
    make_supporter,
    make_user,
    verify_email,
)

# These tests read the English interface (source strings); Dutch is covered by the journeys.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def sara(client):
    user = verify_email(make_user("sara@example.org"))
    client.force_login(user)
    return user


@pytest.fixture
def challenge():
    return make_challenge(name_nl="Energiearmoede bij huurders", slug="energiearmoede")


def step_url(innovation, step):
    return reverse("innovations:edit-innovation-step", args=[innovation.slug, step])


def step_one(challenge, **overrides):
    return {
        "name": "Warm Wonen Genk",
        "language": "nl",
        "problem": "Huurders in Genk betalen te veel voor energie in slecht geïsoleerde woningen.",
        "challenges": [challenge.pk],
        "action": "next",
        **overrides,
    }


# Starting ------------------------------------------------------------------------------------


def test_the_first_valid_step_creates_a_draft_owned_by_sara_and_leads_to_step_two(
    client, sara, challenge
):
    response = client.post(reverse("innovations:new-innovation"), step_one(challenge))
    innovation = Innovation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == step_url(innovation, "system")
    assert innovation.status == Status.DRAFT
    assert list(innovation.owners.all()) == [sara]
    assert innovation.slug == "warm-wonen-genk"
    assert list(innovation.challenges.all()) == [challenge]


def test_step_one_without_a_name_creates_nothing_and_keeps_what_was_typed(client, sara, challenge):
    response = client.post(
        reverse("innovations:new-innovation"), step_one(challenge, name="", challenges=[])
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert not Innovation.objects.exists()
    assert "Huurders in Genk betalen te veel" in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_name_error"' in html and 'id="id_challenges_error"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html


@pytest.mark.parametrize(
    ("name", "slug"), [("New", "new-2"), ("Edit", "edit-2"), ("!!!", "innovation")]
)
def test_the_slug_is_never_an_action_word(client, sara, challenge, name, slug):
    client.post(reverse("innovations:new-innovation"), step_one(challenge, name=name))
    assert Innovation.objects.get().slug == slug


def test_the_same_name_twice_gets_a_unique_slug(client, sara, challenge):
    make_innovation(name="Warm Wonen Genk", slug="warm-wonen-genk")
    client.post(reverse("innovations:new-innovation"), step_one(challenge))
    assert Innovation.objects.get(owners=sara).slug == "warm-wonen-genk-2"


def test_new_form_shows_step_one_of_five(client, sara, challenge):
    html = client.get(reverse("innovations:new-innovation")).content.decode()
    assert 'aria-current="step"' in html
    assert html.count('class="steps__item') == 5
    assert 'name="problem"' in html and 'name="challenges"' in html


# Saving every step -----------------------------------------------------------------------------


def test_each_step_saves_on_the_draft_and_leads_to_the_next(client, sara):
    innovation = make_draft_innovation(owners=[sara], systemic_view="", approach="")
    response = client.post(
        step_url(innovation, "system"),
        {"systemic_view": "Eigenaars investeren niet in isolatie.", "action": "next"},
    )
    assert response["Location"] == step_url(innovation, "approach")
    response = client.post(
        step_url(innovation, "partnership"),
        {
            "organisation_name": "Buurtcollectief Genk",
            "organisation_role": "citizen",
            "partner_roles": ["citizen", "government"],
            "needs": ["coaching", "funding"],
            "wanted_roles": ["business"],
            "action": "next",
        },
    )
    assert response["Location"] == step_url(innovation, "practical")
    innovation.refresh_from_db()
    assert innovation.systemic_view == "Eigenaars investeren niet in isolatie."
    assert innovation.organisation_role == "citizen"
    assert sorted(innovation.needs.values_list("pk", flat=True)) == ["coaching", "funding"]
    assert list(innovation.wanted_roles.values_list("pk", flat=True)) == ["business"]


def test_the_last_step_leads_to_the_preview(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    response = client.post(
        step_url(innovation, "practical"),
        {"regions": ["limburg"], "website": "warmwonen.be", "action": "next"},
    )
    assert response["Location"] == reverse("innovations:preview-innovation", args=[innovation.slug])
    innovation.refresh_from_db()
    assert innovation.website == "https://warmwonen.be"


def test_a_step_with_an_error_still_saves_its_valid_fields(client, sara):
    innovation = make_draft_innovation(owners=[sara], approach="", stage="insight")
    response = client.post(
        step_url(innovation, "approach"),
        {
            "approach": "Huurders isoleren samen hun woningen.",
            "stage": "no-such-stage",
            "tagline": "x" * 250,
            "action": "next",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your draft is saved" in html
    innovation.refresh_from_db()
    assert innovation.approach == "Huurders isoleren samen hun woningen."
    assert innovation.stage == "insight"  # the invalid value did not overwrite it
    assert innovation.tagline == ""


def test_what_was_typed_survives_a_closed_tab(client, sara):
    """The invalid input is kept on the server: the step shows it again, with its errors."""
    innovation = make_draft_innovation(owners=[sara])
    client.post(
        step_url(innovation, "practical"),
        {"website": "niet een adres", "contact_email": "sara@", "action": "next"},
    )
    assert DraftInput.objects.for_object(innovation).filter(step="practical").exists()

    html = client.get(step_url(innovation, "practical")).content.decode()
    assert 'value="niet een adres"' in html and 'value="sara@"' in html
    assert 'id="id_website_error"' in html


def test_saving_a_step_without_errors_forgets_the_typed_input(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    client.post(step_url(innovation, "practical"), {"website": "niet een adres"})
    client.post(
        step_url(innovation, "practical"),
        {"website": "https://warmwonen.be", "regions": ["limburg"]},
    )
    assert not DraftInput.objects.exists()
    html = client.get(step_url(innovation, "practical")).content.decode()
    assert "niet een adres" not in html


def test_a_step_with_unsaved_input_blocks_submission(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    client.post(step_url(innovation, "practical"), {"website": "niet een adres"})
    html = client.get(
        reverse("innovations:submit-innovation", args=[innovation.slug])
    ).content.decode()
    assert step_url(innovation, "practical") in html
    assert 'name="may_publish"' not in html


def test_previous_saves_and_goes_back_even_with_an_error(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    response = client.post(
        step_url(innovation, "practical"),
        {"website": "niet een adres", "contact_email": "info@warmwonen.be", "action": "previous"},
    )
    assert response["Location"] == step_url(innovation, "partnership")
    innovation.refresh_from_db()
    assert innovation.contact_email == "info@warmwonen.be"


def test_save_draft_stays_on_the_step_and_says_it_is_saved(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    response = client.post(
        step_url(innovation, "system"), {"systemic_view": "Nieuw.", "action": "save"}, follow=True
    )
    assert response.redirect_chain[-1][0] == step_url(innovation, "system")
    assert "Saved." in response.content.decode()


def test_edit_continues_at_the_first_step_not_done_yet(client, sara):
    innovation = make_draft_innovation(owners=[sara], approach="")
    response = client.get(reverse("innovations:edit-innovation", args=[innovation.slug]))
    assert response["Location"] == step_url(innovation, "approach")


def test_edit_of_a_complete_draft_shows_the_preview(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    response = client.get(reverse("innovations:edit-innovation", args=[innovation.slug]))
    assert response["Location"] == reverse("innovations:preview-innovation", args=[innovation.slug])


def test_an_unknown_step_is_not_found(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    assert client.get(step_url(innovation, "nonsense")).status_code == 404


def test_submitted_content_cannot_be_edited_until_reviewed(client, sara):
    innovation = make_draft_innovation(owners=[sara], status=Status.SUBMITTED)
    response = client.post(step_url(innovation, "system"), {"systemic_view": "Anders."})
    assert response["Location"] == reverse("innovations:preview-innovation", args=[innovation.slug])
    innovation.refresh_from_db()
    assert innovation.systemic_view != "Anders."


# Logos -----------------------------------------------------------------------------------------


def png(size=(900, 300)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "orange").save(buffer, format="PNG")
    return SimpleUploadedFile("mijn logo.png", buffer.getvalue(), content_type="image/png")


def test_a_logo_is_stored_re_encoded_under_a_generated_name(client, sara, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    innovation = make_draft_innovation(owners=[sara])
    client.post(step_url(innovation, "practical"), {"logo": png(), "action": "save"})
    innovation.refresh_from_db()
    assert innovation.logo.name.startswith("logos/innovations/")
    assert innovation.logo.name.endswith(".webp") and "mijn" not in innovation.logo.name
    with Image.open(tmp_path / innovation.logo.name) as stored:
        assert stored.format == "WEBP" and stored.size == (600, 200)


def test_a_rejected_logo_gets_a_clear_message_and_the_rest_is_kept(
    client, sara, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    innovation = make_draft_innovation(owners=[sara])
    fake = SimpleUploadedFile("logo.png", b"GIF89a not really", content_type="image/png")
    response = client.post(
        step_url(innovation, "practical"),
        {"logo": fake, "website": "https://warmwonen.be", "regions": ["limburg", "flanders"]},
    )
    assert "not a JPEG, PNG or WebP image" in response.content.decode()
    innovation.refresh_from_db()
    assert innovation.website == "https://warmwonen.be"
    assert sorted(innovation.regions.values_list("pk", flat=True)) == ["flanders", "limburg"]
    assert not innovation.logo
    assert not list(tmp_path.rglob("*.*"))


def test_a_logo_can_be_removed(client, sara, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    innovation = make_draft_innovation(owners=[sara])
    client.post(step_url(innovation, "practical"), {"logo": png()})
    html = client.get(step_url(innovation, "practical")).content.decode()
    assert 'alt="Current logo"' in html
    client.post(step_url(innovation, "practical"), {"remove_logo": "on"})
    innovation.refresh_from_db()
    assert not innovation.logo


# Has someone already done this? ----------------------------------------------------------------


def test_similar_published_innovations_appear_beside_step_one(client, sara, challenge):
    make_innovation(name="Energiecoaches Limburg", challenges=[challenge])
    make_innovation(name="Verborgen concept", challenges=[challenge], status=Status.DRAFT)
    make_innovation(
        name="Iets anders", challenges=[make_challenge()], problem="Jongeren vallen uit."
    )
    innovation = make_draft_innovation(owners=[sara], challenges=[challenge])

    html = client.get(step_url(innovation, "problem")).content.decode()
    aside = html[html.index('<aside class="similar"') :]
    assert "Energiecoaches Limburg" in aside
    assert "Verborgen concept" not in aside and "Iets anders" not in aside
    assert "Warme" not in aside  # not her own


def test_similar_innovations_appear_even_when_step_one_is_not_valid_yet(client, sara, challenge):
    make_innovation(name="Energiecoaches Limburg", challenges=[challenge])
    response = client.post(
        reverse("innovations:new-innovation"),
        step_one(challenge, name="", action="similar"),
    )
    assert "Energiecoaches Limburg" in response.content.decode()
    assert not Innovation.objects.filter(owners=sara).exists()


def test_similar_innovations_are_found_by_the_words_of_the_problem(client, sara):
    make_innovation(name="Isolatiebrigade", problem="Slecht geïsoleerde huurwoningen in Genk.")
    response = client.post(
        reverse("innovations:new-innovation"),
        {"problem": "Veel huurwoningen zijn slecht geïsoleerd", "action": "similar"},
    )
    assert "Isolatiebrigade" in response.content.decode()


def test_the_similar_endpoint_returns_published_innovations_only(client, challenge):
    make_innovation(name="Energiecoaches Limburg", challenges=[challenge])
    make_innovation(name="Verborgen concept", challenges=[challenge], status=Status.DRAFT)
    response = client.get(
        reverse("innovations:similar-innovations"), {"challenge": challenge.pk, "q": "x"}
    )
    assert [item["name"] for item in response.json()["results"]] == ["Energiecoaches Limburg"]


# Preview and submission ------------------------------------------------------------------------


def test_the_preview_shows_the_draft_as_it_will_look(client, sara, challenge):
    innovation = make_draft_innovation(
        owners=[sara], challenges=[challenge], systemic_view="Eigenaars investeren niet."
    )
    html = client.get(
        reverse("innovations:preview-innovation", args=[innovation.slug])
    ).content.decode()
    assert innovation.problem in html and "Eigenaars investeren niet." in html
    assert challenge.name in html  # in the language of the page
    assert reverse("innovations:submit-innovation", args=[innovation.slug]) in html


def test_submitting_needs_both_confirmations(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    url = reverse("innovations:submit-innovation", args=[innovation.slug])
    response = client.post(url, {"may_publish": "on"})
    assert response.status_code == 200
    assert 'id="id_accepts_terms_error"' in response.content.decode()
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT
    assert not SubmissionConsent.objects.exists()


def test_the_submit_page_links_the_licence(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    html = client.get(
        reverse("innovations:submit-innovation", args=[innovation.slug])
    ).content.decode()
    assert "https://creativecommons.org/licenses/by/4.0/" in html


def test_submitting_records_the_consent_and_emails_the_curators(
    client, sara, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.CURATOR_EMAILS = ["curatoren@europa-wse.example"]
    innovation = make_draft_innovation(owners=[sara], name="Warm Wonen Genk")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("innovations:submit-innovation", args=[innovation.slug]),
            {"may_publish": "on", "accepts_terms": "on"},
        )
    assert response["Location"] == reverse("dashboard")
    innovation.refresh_from_db()
    assert innovation.status == Status.SUBMITTED
    consent = SubmissionConsent.objects.get()
    assert (consent.user, consent.content_object, consent.licence) == (
        sara,
        innovation,
        "CC-BY-4.0",
    )
    assert [mail.to for mail in mailoutbox] == [["curatoren@europa-wse.example"]]
    assert "Warm Wonen Genk" in mailoutbox[0].subject


def test_an_incomplete_draft_cannot_be_submitted(client, sara):
    innovation = make_draft_innovation(owners=[sara], systemic_view="")
    url = reverse("innovations:submit-innovation", args=[innovation.slug])
    html = client.get(url).content.decode()
    assert step_url(innovation, "system") in html
    client.post(url, {"may_publish": "on", "accepts_terms": "on"})
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT


def test_submitting_needs_a_verified_email_address(client):
    unverified = make_user("nieuw@example.org")
    client.force_login(unverified)
    innovation = make_draft_innovation(owners=[unverified])
    response = client.post(
        reverse("innovations:submit-innovation", args=[innovation.slug]),
        {"may_publish": "on", "accepts_terms": "on"},
    )
    assert response.status_code == 200
    assert "account/verified_email_required.html" in [t.name for t in response.templates]
    innovation.refresh_from_db()
    assert innovation.status == Status.DRAFT


# Deleting --------------------------------------------------------------------------------------


def test_an_owner_deletes_a_draft_after_confirming(client, sara):
    innovation = make_draft_innovation(owners=[sara])
    url = reverse("innovations:delete-innovation", args=[innovation.slug])
    assert "Yes, delete it" in client.get(url).content.decode()
    response = client.post(url)
    assert response["Location"] == reverse("dashboard")
    assert not Innovation.objects.filter(pk=innovation.pk).exists()


def test_published_content_is_not_deleted_by_its_owner(client, sara):
    innovation = make_draft_innovation(owners=[sara], status=Status.PUBLISHED)
    response = client.post(reverse("innovations:delete-innovation", args=[innovation.slug]))
    assert response.status_code == 200
    assert "Only drafts can be deleted" in response.content.decode()
    assert Innovation.objects.filter(pk=innovation.pk).exists()


# Dashboard -------------------------------------------------------------------------------------


def test_the_dashboard_says_where_each_innovation_stands_and_what_to_do_next(client, sara):
    started = make_draft_innovation(owners=[sara], name="Half af", approach="")
    returned = make_draft_innovation(
        owners=[sara],
        name="Terug van de curator",
        status=Status.CHANGES_REQUESTED,
        curator_note="Beschrijf de doelgroep.",
    )
    waiting = make_draft_innovation(owners=[sara], name="In review", status=Status.SUBMITTED)
    make_innovation(name="Van iemand anders", status=Status.DRAFT)

    html = client.get(reverse("dashboard")).content.decode()
    assert "Half af" in html and "Van iemand anders" not in html
    assert step_url(started, "approach") in html
    assert "Beschrijf de doelgroep." in html
    assert reverse("innovations:preview-innovation", args=[returned.slug]) in html
    assert "Waiting for review" in html
    assert reverse("innovations:edit-innovation", args=[waiting.slug]) not in html
    assert reverse("innovations:new-innovation") in html


def test_the_dashboard_lists_the_supporters_and_places_she_manages(client, sara):
    supporter = make_supporter(
        name="Energiehuis Genk",
        managers=[sara],
        status=Status.CHANGES_REQUESTED,
        curator_note="Vul de regio's aan.",
    )
    make_space(name="Proefwoning Genk", host=supporter, status=Status.DRAFT)
    make_supporter(name="Niet van Sara")
    html = client.get(reverse("dashboard")).content.decode()
    assert "Energiehuis Genk" in html and "Vul de regio&#x27;s aan." in html
    assert "Proefwoning Genk" in html and "Niet van Sara" not in html


def test_the_dashboard_without_content_invites_to_start(client, sara):
    html = client.get(reverse("dashboard")).content.decode()
    assert "You have not registered an innovation yet" in html
    assert "supporters-heading" not in html


def test_the_curators_note_is_shown_beside_the_form(client, sara):
    innovation = make_draft_innovation(
        owners=[sara], status=Status.CHANGES_REQUESTED, curator_note="Beschrijf de doelgroep."
    )
    html = client.get(step_url(innovation, "approach")).content.decode()
    assert "Beschrijf de doelgroep." in html


# Mail to owners links to where they act --------------------------------------------------------


def test_the_request_for_changes_links_to_the_edit_page(
    curator, mailoutbox, django_capture_on_commit_callbacks
):
    owner = make_user("sara@example.org")
    innovation = make_draft_innovation(owners=[owner], status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.content_request_changes(obj=innovation, by=curator, note="Meer cijfers.")
    body = mailoutbox[0].body
    assert "Meer cijfers." in body
    with translation.override(owner.language):  # the mail's links are in her language
        assert reverse("innovations:edit-innovation", args=[innovation.slug]) in body
        assert reverse("dashboard") in body


def test_the_publication_mail_links_to_the_public_page_and_the_dashboard(
    curator, mailoutbox, django_capture_on_commit_callbacks
):
    owner = make_user("sara@example.org")
    innovation = make_draft_innovation(owners=[owner], status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.content_publish(obj=innovation, by=curator)
    body = mailoutbox[0].body
    assert innovation.get_absolute_url() in body and reverse("dashboard") in body


def test_the_form_works_in_english_too(client, sara, challenge):
    response = client.post(
        "/en/innovations/new/", step_one(challenge, name="Warm Homes Genk", language="en")
    )
    assert response["Location"] == "/en/innovations/warm-homes-genk/edit/system/"
    assert Innovation.objects.get().language == "en"


def test_the_dashboard_query_count_does_not_grow_with_her_content(client, sara):
    def add_content():
        make_draft_innovation(owners=[sara])
        make_draft_innovation(owners=[sara], status=Status.PUBLISHED)
        make_draft_innovation(owners=[sara], status=Status.CHANGES_REQUESTED, curator_note="x")
        supporter = make_supporter(managers=[sara])
        make_space(host=supporter)

    add_content()
    client.get(reverse("dashboard"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dashboard"))
    for _ in range(4):
        add_content()
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("dashboard"))
    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)
