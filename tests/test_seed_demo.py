import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from demo import loader
from front.models import MatchRefresh
from funding.models import FundingOpportunity
from hubsi import vocabulary
from hubsi.models import Status
from innovations.models import Challenge, Innovation, Theme
from supporters.models import ExperimentationSpace, Supporter

MODELS = [Theme, Challenge, Innovation, Supporter, ExperimentationSpace, FundingOpportunity]


def seed(*args: str, matches: bool = False) -> str:
    """Seed; storing the matches only when asked (it takes seconds, tested once)."""
    out = io.StringIO()
    call_command("seed_demo", *args, *([] if matches else ["--no-matches"]), stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    """Rows of every seeded table, many-to-many through tables included."""
    tables = {model.__name__: model.objects.count() for model in MODELS}
    for model in MODELS:
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            tables[through.__name__] = through.objects.count()
    return tables


@pytest.mark.django_db
def test_seed_creates_the_demo_content():
    out = seed()

    assert "Demo content added" in out
    assert Theme.objects.count() >= 12
    assert Challenge.objects.count() >= 30
    assert Innovation.objects.published().count() >= 60
    assert Supporter.objects.published().count() >= 30
    assert ExperimentationSpace.objects.published().count() >= 10
    assert FundingOpportunity.objects.published().count() >= 25
    for model in MODELS[2:]:
        assert not model.objects.published().filter(published_at__isnull=True).exists()
    assert Innovation.objects.featured().count() == 3
    assert Innovation.objects.published().filter(language="en").count() >= 3
    assert not Innovation.objects.filter(problem="").exists()
    # Fictional addresses only.
    for model in (Innovation, Supporter):
        emails = model.objects.exclude(contact_email="").values_list("contact_email", flat=True)
        assert emails and all(email.endswith(".example") for email in emails)


@pytest.mark.django_db
def test_demo_covers_every_stage_region_and_helix_role():
    seed()
    published = Innovation.objects.published()

    assert set(published.values_list("stage", flat=True)) == set(vocabulary.Stage.values)
    assert set(published.values_list("regions", flat=True)) == set(vocabulary.Region.values)
    assert set(Supporter.objects.published().values_list("helix_role", flat=True)) == set(
        vocabulary.HelixRole.values
    )
    assert not published.annotate(n=Count("challenges")).filter(n=0).exists()
    assert not published.annotate(n=Count("challenges")).filter(n__gt=3).exists()


@pytest.mark.django_db
def test_demo_funding_is_open_upcoming_closed_and_rolling():
    seed()
    funding = list(FundingOpportunity.objects.published())

    assert {item.timing for item in funding} == {"open", "upcoming", "closed", "rolling"}
    for item in funding:
        assert item.url.startswith("https://example.org/")
        if item.amount_min is not None and item.amount_max is not None:
            assert item.amount_min <= item.amount_max


@pytest.mark.django_db
def test_demo_fills_the_review_queue():
    seed()

    assert Innovation.objects.filter(status=Status.SUBMITTED).count() >= 3
    assert Innovation.objects.filter(status=Status.DRAFT).count() >= 1
    assert Supporter.objects.filter(status=Status.SUBMITTED).count() >= 1
    assert (
        not Innovation.objects.exclude(status=Status.PUBLISHED)
        .exclude(published_at__isnull=True)
        .exists()
    )


@pytest.mark.django_db
def test_seeding_twice_changes_nothing():
    seed()
    before = counts()

    out = seed()

    assert counts() == before
    assert "nothing to add" in out


@pytest.mark.django_db
def test_options_top_published_content_up_with_generated_items():
    out = seed("--innovations", "150", "--supporters", "40", "--spaces", "15", "--funding", "30")

    assert Innovation.objects.published().count() >= 150
    assert Supporter.objects.published().count() >= 40
    assert ExperimentationSpace.objects.published().count() >= 15
    assert FundingOpportunity.objects.published().count() >= 30
    assert not Innovation.objects.annotate(n=Count("challenges")).filter(n=0).exists()
    assert not Innovation.objects.published().filter(published_at__isnull=True).exists()
    # The rest of the 150 after the published innovations of demo/data/innovations.toml.
    generated = 150 - sum("status" not in item for item in loader.read()["innovations.toml"])
    assert f"innovations: {generated}/{generated}" in out
    assert f"Generated {generated} innovations" in out
    assert "Published now: 150 innovations" in out
    # Generated funding stays consistent with the table's constraints and timing vocabulary.
    for item in FundingOpportunity.objects.all():
        assert item.timing in {"open", "upcoming", "closed", "rolling"}


@pytest.mark.django_db
def test_learning_offers_are_generated_past_running_upcoming_and_self_paced():
    from learning.models import LearningOffer

    out = seed("--learning", "200")

    offers = LearningOffer.objects.published()
    assert offers.count() >= 200
    assert {offer.timing for offer in offers} == {"past", "running", "upcoming", "self_paced"}
    assert not offers.annotate(n=Count("competences")).filter(n=0).exists()
    assert "learning offers" in out and "Published now:" in out


@pytest.mark.django_db
def test_top_up_is_idempotent_too():
    seed("--innovations", "100")
    before = counts()

    out = seed("--innovations", "100")

    assert counts() == before
    assert "nothing to generate" in out


@pytest.mark.django_db
def test_if_empty_does_nothing_when_content_exists():
    seed()
    before = counts()

    out = seed("--if-empty", "--innovations", "200")

    assert counts() == before
    assert out.strip().count("\n") == 0
    assert "skipped" in out


@pytest.mark.django_db
def test_if_empty_seeds_an_empty_database_with_one_line_and_stores_the_matches():
    out = seed("--if-empty", matches=True)

    assert Theme.objects.exists()
    assert out.strip().count("\n") == 0
    # Every published innovation's page reads stored matches (front/stored_matches.py).
    refreshed = MatchRefresh.objects.values_list("innovation", flat=True)
    assert set(refreshed) == set(Innovation.objects.published().values_list("pk", flat=True))


@pytest.mark.django_db
def test_negative_counts_are_refused():
    with pytest.raises(CommandError, match="0 or more"):
        seed("--innovations", "-5")
