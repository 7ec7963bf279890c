"""Stored matches (front/stored_matches.py): what the innovation page reads equals the live
ranking, explanations included; the read-time filter hides what closed or was unpublished
before the refresh; changes and the calendar refresh the right innovations; the page reads
them in a constant number of queries."""

import datetime
import random

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from front import learning_matches, matching, stored_matches
from front.models import MatchRefresh, Section, StoredMatch
from funding.models import FundingOpportunity, today
from hubsi.caching import bump_catalogue_version
from hubsi.models import Status
from innovations.models import Innovation
from supporters.models import Supporter
from tests.factories import (
    make_challenge,
    make_funding,
    make_innovation,
    make_learning_offer,
    make_space,
    make_supporter,
    make_theme,
    make_user,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
REGIONS = ["limburg", "antwerp", "east_flanders", "flanders", "belgium", "brussels"]
STAGES = ["insight", "problem_analysis", "co_creation", "scaling"]
ROLES = ["knowledge", "business", "civil_society", "citizen", "government", "financier"]
SUPPORT = ["coaching", "funding", "space", "network", "knowledge", "training", "scaling"]
COMPETENCES = ["co_creation", "experimentation", "partnerships", "impact", "scaling", "policy"]


def some(rng, values, most):
    return rng.sample(values, rng.randint(0, most))


def random_catalogue(seed: int) -> list[Innovation]:
    """A few dozen items of every kind, with random topics, regions, roles and dates."""
    rng = random.Random(seed)
    themes = [make_theme() for _ in range(3)]
    challenges = [make_challenge(rng.choice(themes)) for _ in range(6)]
    on = today()
    supporters = []
    for n in range(14):
        supporters.append(
            make_supporter(
                name=rng.choice(["Aa", "Bb", "Cc"]) + f" {n % 4}",
                helix_role=rng.choice(ROLES),
                offers=some(rng, SUPPORT, 3),
                stages=some(rng, STAGES, 2),
                challenges=some(rng, challenges, 2),
                themes=some(rng, themes, 1),
                regions=some(rng, REGIONS, 2),
                status=rng.choice([Status.PUBLISHED] * 5 + [Status.ARCHIVED]),
            )
        )
    for n in range(10):
        make_space(
            name=f"Plek {n % 3}",
            host=rng.choice(supporters),
            challenges=some(rng, challenges, 2),
            themes=some(rng, themes, 1),
            region=rng.choice(REGIONS),
            open_to_citizens=rng.random() < 0.5,
        )
    for n in range(12):
        opens = on + DAY * rng.randint(-30, 10)
        make_funding(
            name=f"Oproep {n % 4}",
            eligible_roles=some(rng, ROLES, 2),
            stages=some(rng, STAGES, 2),
            challenges=some(rng, challenges, 1),
            themes=some(rng, themes, 1),
            regions=some(rng, REGIONS, 1),
            opens_on=opens,
            deadline=rng.choice([None, opens + DAY * rng.randint(0, 40)]),
        )
    for n in range(10):
        start = rng.choice([None, on + DAY * rng.randint(-10, 20)])
        make_learning_offer(
            name=f"Leren {n % 3}",
            provider=rng.choice(supporters),
            competences=some(rng, COMPETENCES, 2) or ["co_creation"],
            stages=some(rng, STAGES, 1),
            challenges=some(rng, challenges, 1),
            themes=some(rng, themes, 1),
            regions=some(rng, REGIONS, 1),
            format=rng.choice(["workshop", "coaching_track", "course"]),
            online=rng.random() < 0.3,
            start_date=start,
            end_date=start + DAY * rng.randint(0, 3) if start else None,
        )
    for n in range(16):
        make_innovation(
            name=rng.choice(["Dd", "Ee"]) + f" {n % 5}",
            organisation_role=rng.choice(ROLES),
            stage=rng.choice(STAGES),
            challenges=rng.sample(challenges, rng.randint(1, 2)),
            regions=some(rng, REGIONS, 2),
            needs=some(rng, SUPPORT, 3),
            partner_roles=some(rng, ROLES, 2),
            wanted_roles=some(rng, ROLES, 1),
        )
    return list(Innovation.objects.published().for_detail().order_by("pk"))


def live(innovation) -> dict[str, list]:
    limit = stored_matches.MATCHES_PER_SECTION
    sections = matching.matches_for_innovation(innovation, limit)
    return {
        Section.SUPPORTERS: sections.supporters,
        Section.FUNDING: sections.funding,
        Section.SPACES: sections.spaces,
        Section.INNOVATIONS: sections.innovations,
        Section.PARTNERS: sections.partners,
        Section.LEARNING: learning_matches.learning_for(innovation, limit),
    }


def shown(sections) -> dict:
    return {
        section: [(type(m.obj).__name__, m.obj.pk, m.score, m.reasons) for m in matches]
        for section, matches in sections.items()
    }


def test_stored_matches_equal_the_live_ranking_with_their_explanations():
    innovations = random_catalogue(seed=1)
    call_command("refresh_matches", "--slug", innovations[0].slug, verbosity=0)
    assert list(MatchRefresh.objects.values_list("innovation", flat=True)) == [innovations[0].pk]
    call_command("refresh_matches", "--missing", verbosity=0)
    assert MatchRefresh.objects.count() == len(innovations)
    filled = set()
    for language in ["nl", "en"]:
        with translation.override(language):
            for innovation in innovations:
                expected = shown(live(innovation))
                got = shown(stored_matches.read(innovation))
                assert got == expected, (language, innovation.pk)
                filled |= {section for section, matches in got.items() if matches}
    assert filled == set(Section.values)  # every section was compared with something in it


def test_read_time_filter_hides_what_closed_or_was_unpublished_before_the_refresh():
    theme = make_theme()
    challenge = make_challenge(theme)
    innovation = make_innovation(challenges=[challenge], needs=["coaching"])
    supporters = [make_supporter(name=f"S{n}", challenges=[challenge]) for n in range(7)]
    calls = [make_funding(name=f"F{n}", challenges=[challenge]) for n in range(7)]
    offer = make_learning_offer(challenges=[challenge], start_date=today() + DAY)
    host = make_supporter(name="Host")
    make_space(name="Hosted", host=host, challenges=[challenge])
    stored_matches.refresh_many([innovation.pk])
    # Changes that no refresh followed (a queryset update sends no signal).
    Supporter.objects.filter(pk=supporters[0].pk).update(status=Status.ARCHIVED)
    FundingOpportunity.objects.filter(pk=calls[0].pk).update(deadline=today() - DAY)
    offer.__class__.objects.filter(pk=offer.pk).update(
        start_date=today() - 3 * DAY, end_date=today() - DAY
    )
    sections = stored_matches.read(Innovation.objects.for_detail().get(pk=innovation.pk))
    supporter_names = [m.obj.name for m in sections[Section.SUPPORTERS]]
    assert "S0" not in supporter_names and len(supporter_names) == 5  # still a full section
    funding_names = [m.obj.name for m in sections[Section.FUNDING]]
    assert "F0" not in funding_names and len(funding_names) == 5
    assert sections[Section.LEARNING] == []
    assert [m.obj.name for m in sections[Section.SPACES]] == ["Hosted"]
    Supporter.objects.filter(pk=host.pk).update(status=Status.ARCHIVED)
    sections = stored_matches.read(Innovation.objects.for_detail().get(pk=innovation.pk))
    assert sections[Section.SPACES] == []
    assert StoredMatch.objects.filter(supporter=supporters[0]).exists()  # hidden, not gone


def test_a_refresh_keeps_when_a_suggestion_was_found_and_dates_new_ones_now():
    challenge = make_challenge()
    innovation = make_innovation(challenges=[challenge])
    old = make_supporter(name="Old", challenges=[challenge])
    stored_matches.refresh_many([innovation.pk])
    long_ago = timezone.now() - datetime.timedelta(days=30)
    StoredMatch.objects.update(found_at=long_ago)
    new = make_supporter(name="New", challenges=[challenge])
    stored_matches.refresh_many([innovation.pk], [Section.SUPPORTERS])
    found = dict(
        StoredMatch.objects.filter(section=Section.SUPPORTERS).values_list("supporter", "found_at")
    )
    assert found[old.pk] == long_ago
    assert found[new.pk] > long_ago


def test_the_page_ranks_live_and_stores_when_never_refreshed_or_changed_since():
    challenge, other = make_challenge(), make_challenge()
    innovation = make_innovation(challenges=[challenge])
    make_supporter(name="On the first", challenges=[challenge])
    make_supporter(name="On the other", challenges=[other])
    assert not MatchRefresh.objects.exists()
    first = stored_matches.read(Innovation.objects.for_detail().get(pk=innovation.pk))
    assert [m.obj.name for m in first[Section.SUPPORTERS]] == ["On the first"]
    assert MatchRefresh.objects.filter(innovation=innovation).exists()
    # The innovation moves to the other challenge; its refresh has not run yet.
    Innovation.challenges.through.objects.filter(innovation=innovation).update(challenge=other)
    changed = stored_matches.read(Innovation.objects.for_detail().get(pk=innovation.pk))
    assert [m.obj.name for m in changed[Section.SUPPORTERS]] == ["On the other"]


def test_publishing_or_archiving_an_item_refreshes_the_innovations_it_can_match(
    django_capture_on_commit_callbacks,
):
    challenge = make_challenge()
    innovation = make_innovation(challenges=[challenge])
    elsewhere = make_innovation(challenges=[make_challenge()])
    stored_matches.refresh_many([innovation.pk, elsewhere.pk])
    with django_capture_on_commit_callbacks(execute=True):
        supporter = make_supporter(name="Newcomer", challenges=[challenge])
    rows = StoredMatch.objects.filter(supporter=supporter)
    assert set(rows.values_list("innovation", flat=True)) == {innovation.pk}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        supporter.status = Status.ARCHIVED
        supporter.save()
        supporter.regions.set(["limburg"])
    refreshes = [c for c in callbacks if getattr(c, "refresh_key", None)]
    assert len(refreshes) == 1  # once per item and transaction
    assert not StoredMatch.objects.filter(supporter=supporter).exists()


def test_a_new_innovation_appears_among_the_similar_ones_of_those_on_its_challenge(
    django_capture_on_commit_callbacks,
):
    challenge = make_challenge()
    first = make_innovation(challenges=[challenge])
    stored_matches.refresh_many([first.pk])
    with django_capture_on_commit_callbacks(execute=True):
        second = make_innovation(challenges=[challenge])
    assert StoredMatch.objects.filter(innovation=first, other=second).exists()
    assert StoredMatch.objects.filter(innovation=second, other=first).exists()


def test_expired_refreshes_closed_and_opened_funding():
    challenge = make_challenge()
    innovation = make_innovation(challenges=[challenge])
    closing = make_funding(name="Closing", challenges=[challenge], deadline=today())
    opening = make_funding(name="Opening", challenges=[challenge], opens_on=today() + DAY)
    stored_matches.refresh_many([innovation.pk])
    assert stored_matches.expired() == [([], (Section.FUNDING,)), ([], (Section.LEARNING,))]
    tomorrow = today() + DAY
    targets = stored_matches.expired(tomorrow)
    assert ([innovation.pk], (Section.FUNDING,)) in targets
    FundingOpportunity.objects.filter(pk=closing.pk).update(deadline=today() - DAY)
    FundingOpportunity.objects.filter(pk=opening.pk).update(opens_on=today())
    call_command("refresh_matches", expired=True, verbosity=0)
    row = StoredMatch.objects.get(section=Section.FUNDING)
    assert row.funding == opening and row.flags["timing_group"] == 0


def test_the_innovation_page_reads_stored_matches_in_constant_queries(client):
    challenge = make_challenge()
    innovation = make_innovation(challenges=[challenge], needs=["coaching"])

    def add(count):
        for _ in range(count):
            host = make_supporter(
                offers=["coaching"], challenges=[challenge], helix_role="financier"
            )
            make_space(host=host, challenges=[challenge])
            make_funding(challenges=[challenge])
            make_learning_offer(provider=host, challenges=[challenge])
            make_innovation(challenges=[challenge])
        bump_catalogue_version()  # what the commit does (the similar innovations' index)
        call_command("refresh_matches", verbosity=0)

    add(1)
    page = innovation.get_absolute_url()
    client.get(page)  # one-off lookups
    cache.clear()  # measure the page, not the page cache
    with CaptureQueriesContext(connection) as few:
        client.get(page)
    add(8)
    assert StoredMatch.objects.filter(innovation=innovation).count() == 6 * 8
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get(page)
    assert response.status_code == 200
    assert response.content.decode().count('class="card match"') == 6 * 5
    stored = [q["sql"] for q in many.captured_queries if "front_storedmatch" in q["sql"]]
    assert len(stored) == 1  # one query for every section's rows
    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)


def twin(innovation, **changes) -> Innovation:
    """A new published innovation with the same values (or some changed)."""
    values = {
        "organisation_role": innovation.organisation_role,
        "stage": innovation.stage,
        "challenges": list(innovation.challenges.all()),
        "regions": [r.code for r in innovation.regions.all()],
        "needs": [n.code for n in innovation.needs.all()],
        "partner_roles": [r.code for r in innovation.partner_roles.all()],
        "wanted_roles": [r.code for r in innovation.wanted_roles.all()],
    }
    return make_innovation(**{**values, **changes})


def stored_rows() -> list:
    return list(
        StoredMatch.objects.order_by("innovation", "section", "rank").values_list(
            "innovation",
            "section",
            "rank",
            "supporter",
            "space",
            "funding",
            "offer",
            "other",
            "score",
            "flags",
        )
    )


def test_a_batch_shares_rankings_and_stores_what_ranking_each_innovation_alone_stores():
    innovations = random_catalogue(seed=3)
    for innovation in innovations[:5]:
        twin(innovation)
        twin(innovation, stage="scaling" if innovation.stage != "scaling" else "insight")
    bump_catalogue_version()
    innovations = list(Innovation.objects.published().for_detail().order_by("pk"))
    profiles = [matching.InnovationProfile.of(i) for i in innovations]
    keys = {s: {key(p) for p in profiles} for s, key in stored_matches.KEYS.items()}
    assert all(len(shared) < len(innovations) for shared in keys.values())
    stored_matches.refresh_many([i.pk for i in innovations])
    shared_rows = stored_rows()
    StoredMatch.objects.all().delete()
    for innovation in innovations:
        stored_matches.refresh_one(innovation)  # ranked alone, with the card prefetches
    assert stored_rows() == shared_rows
    assert {row[1] for row in shared_rows} == set(Section.values)
    # The explanations of a shared ranking are the innovation's own.
    shared = {}
    with translation.override("nl"):
        for profile in profiles:
            for section in stored_matches.KEYS:
                alone = stored_matches.rank(profile, section)
                reused = stored_matches.rank(profile, section, shared, cards=False)
                assert shown({section: reused}) == shown({section: alone})


def test_a_batch_ranks_each_section_once_per_key_without_the_card_prefetches():
    challenge = make_challenge()
    values = {"challenges": [challenge], "needs": ["coaching"], "regions": ["limburg"]}
    innovations = [make_innovation(**values) for _ in range(6)]
    host = make_supporter(offers=["coaching"], challenges=[challenge], helix_role="financier")
    make_space(host=host, challenges=[challenge])
    make_funding(challenges=[challenge])
    make_learning_offer(provider=host, challenges=[challenge])
    stored_matches.refresh_many([innovations[0].pk])  # one-off lookups

    def ranking(queries) -> int:
        return sum(
            q["sql"].startswith("SELECT") and ' AS "score"' in q["sql"]
            for q in queries.captured_queries
        )

    def ranking_queries(pks) -> int:
        with CaptureQueriesContext(connection) as queries:
            stored_matches.refresh_many(pks)
        return ranking(queries)

    profile = matching.InnovationProfile.of(innovations[1])
    with CaptureQueriesContext(connection) as queries:
        matching.similar_innovations(profile, stored_matches.STORED_PER_SECTION, cards=False)
    similar = ranking(queries)  # ranked for each innovation: it excludes the innovation itself
    one = ranking_queries([innovations[1].pk])
    assert one == len(stored_matches.KEYS) + similar
    four = ranking_queries([i.pk for i in innovations[2:]])
    assert four == len(stored_matches.KEYS) + 4 * similar < 4 * one
    with CaptureQueriesContext(connection) as cards:
        assert matching.supporters_for(profile, cards=True)
    with CaptureQueriesContext(connection) as keys_only:
        assert matching.supporters_for(profile, cards=False)
    assert len(keys_only) == 1 < len(cards)


def test_a_new_co_owner_or_manager_refreshes_nothing(django_capture_on_commit_callbacks):
    """Nobody is matched on who owns an item: a co-owner would otherwise queue the refresh of
    every innovation sharing a challenge (thousands at volume)."""
    challenge = make_challenge()
    innovation = make_innovation(challenges=[challenge])
    supporter = make_supporter(challenges=[challenge])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        innovation.owners.add(make_user())
        supporter.managers.add(make_user())
    assert not [c for c in callbacks if getattr(c, "refresh_key", None)]
