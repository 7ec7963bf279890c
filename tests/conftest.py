import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from tests.factories import make_user

# Hypothesis (tests/test_hostile_input.py). `make test` draws the same examples on every run,
# derived from each test's name, as CI does: a failure there is reproducible, never chance.
# `make explore` (--hypothesis-profile=explore) draws new examples from a random seed, ten
# times as many, to find what the fixed ones miss. No example database in the work tree.
_HYPOTHESIS = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
hypothesis_settings.register_profile("default", derandomize=True, **_HYPOTHESIS)
hypothesis_settings.register_profile("explore", derandomize=False, **_HYPOTHESIS)
hypothesis_settings.load_profile("default")  # --hypothesis-profile loads another after this


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Templates render without collectstatic; passwords hash fast (security is not tested
    through the hash's cost)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Mail leaves as in production: queued as a task (the immediate backend runs it at once),
    # which delivers it to Django's test outbox (hubsi/mail.py).
    settings.EMAIL_BACKEND = "hubsi.mail.TaskEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Open-data files (opendata/files.py) are built in a directory of this test run only.
    settings.OPEN_DATA_DIR = tmp_path / "open-data"
    # Each test starts with an empty cache: rolled-back test data never bumps the version.
    cache.clear()


@pytest.fixture
def english():
    """For tests that read the English interface: reverse() then builds /en/ URLs."""
    from django.utils import translation

    translation.activate("en")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language. A request to /en/... leaves English active in
    the test's thread, and the next test's reverse() would then build /en/ URLs."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def curator(db):
    """Lien: Europa WSE staff in the Curators group, not a superuser."""
    user = make_user("lien@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="Curators"))
    # Staff reach the admin only with two-factor authentication (accounts/middleware.py).
    from accounts.mfa import give_totp

    give_totp(user, CURATOR_TOTP_SECRET)
    return user


# The base32 secret of Lien's authenticator app: tests compute her codes with accounts.mfa.
CURATOR_TOTP_SECRET = "LIENCURATORTOTPSECRETFORTESTSAAA"


@pytest.fixture
def owner(db):
    """Sara: an innovator who owns content."""
    return make_user("sara@example.org")


@pytest.fixture
def other_user(db):
    return make_user("koen@example.org")


def build_catalogue(size: int) -> dict:
    """A small published catalogue around Sara's challenge; `size` items of every kind.

    Every item links to several challenges, regions and roles, so an N+1 query shows up as a
    growing query count when `size` grows.
    """
    from tests.factories import (
        make_challenge,
        make_funding,
        make_innovation,
        make_learning_offer,
        make_practice,
        make_space,
        make_supporter,
        make_theme,
    )

    soon = datetime.date.today() + datetime.timedelta(days=20)
    theme = make_theme(name_nl="Wonen", name_en="Housing", slug="housing")
    challenge = make_challenge(
        theme,
        name_nl="Energiearmoede bij huurders",
        name_en="Energy poverty among tenants",
        slug="energy-poverty-tenants",
    )
    other = make_challenge(theme)
    objects = {"theme": theme, "challenge": challenge}
    # Dutch has long words, and links are long: the first supporter says both (reflow at 320 px).
    long_words = {
        "name": "Ervaringsdeskundigheidsondersteuning Limburg",
        "description": "Wij begeleiden elk arbeidsmarktintegratietraject met "
        "ervaringsdeskundigheidsondersteuning.",
        "website": "https://www.arbeidsmarktintegratietrajecten-ervaringsdeskundigheid.example/"
        "projecten/2026/warm-wonen-in-genk-en-omgeving",
    }
    for index in range(size):
        innovation = make_innovation(
            name=f"Warm Wonen {index}",
            challenges=[challenge, other],
            regions=["limburg", "flanders"],
            partner_roles=["citizen", "government"],
            needs=["coaching", "funding"],
            wanted_roles=["business"],
            tagline="Huurders in Genk besparen samen energie.",
        )
        supporter = make_supporter(
            offers=["coaching", "knowledge"],
            stages=["insight", "scaling"],
            challenges=[challenge],
            themes=[theme],
            regions=["limburg", "antwerp"],
            **(long_words if index == 0 else {}),
        )
        space = make_space(
            host=supporter, challenges=[challenge], themes=[theme], open_to_citizens=True
        )
        funding = make_funding(
            eligible_roles=["citizen", "civil_society"],
            stages=["insight"],
            challenges=[challenge],
            themes=[theme],
            regions=["flanders"],
            name=f"Energiefonds {index}",
        )
        offer = make_learning_offer(
            provider=supporter,
            name=f"Leertraject energie {index}",
            competences=["co_creation", "scaling"],
            stages=["insight", "scaling"],
            challenges=[challenge],
            themes=[theme],
            regions=["limburg", "flanders"],
            audiences=["citizen", "civil_society"],
            space=space,
            start_date=soon,
            start_time=datetime.time(9, 30),
            end_time=datetime.time(16, 0),
        )
        objects.setdefault("innovation", innovation)
        practice = make_practice(
            name_nl=f"Werkwijze sociaal aankopen {index}",
            roles=["government", "business"],
            instruments=["procurement", "grant"],
            stages=["insight"],
            challenges=[challenge],
            themes=[theme],
            applied_by=[innovation],
        )
        objects.setdefault("learning_offer", offer)
        objects.setdefault("practice", practice)
        objects.setdefault("supporter", supporter)
        objects.setdefault("space", space)
        objects.setdefault("funding", funding)
    return objects


@pytest.fixture
def catalogue(db):
    return build_catalogue(3)
