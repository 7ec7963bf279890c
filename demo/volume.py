"""Generated volume for performance work: `seed_demo --innovations N` and friends.

Tops the *published* content up to N with generated rows: fragments of Dutch text from
data/volume.toml combined with a fixed random seed, inserted with bulk_create (main rows and
many-to-many through rows), so 100,000 innovations take minutes, not hours. The same seed and
the same fragments give the same content.
"""

import dataclasses
import datetime
import functools
import random
import tomllib
from collections.abc import Callable, Sequence
from pathlib import Path

from django.db import models, transaction
from django.db.models import Max
from django.utils.text import slugify

from demo.loader import BATCH_SIZE, DATA_DIR, DemoError, Row, insert_rows
from funding.models import FundingOpportunity, today
from hubsi import vocabulary
from hubsi.models import Status
from innovations.models import Challenge, Innovation, Theme
from learning.models import LearningOffer
from supporters.models import ExperimentationSpace, Supporter

STAGES: list[str] = list(vocabulary.Stage.values)
ROLES: list[str] = list(vocabulary.HelixRole.values)
SUPPORT_TYPES: list[str] = list(vocabulary.SupportType.values)
COMPETENCES: list[str] = list(vocabulary.Competence.values)
FORMATS: list[str] = list(vocabulary.LearningFormat.values)
INSTRUMENTS: list[str] = list(vocabulary.Instrument.values)
LOCAL_REGIONS = [
    "antwerp",
    "limburg",
    "east_flanders",
    "flemish_brabant",
    "west_flanders",
    "brussels",
]
WIDE_REGIONS = ["flanders", "belgium", "europe"]


@dataclasses.dataclass(frozen=True)
class Fragments:
    """The texts of volume.toml; the comments there say how each is used."""

    name_heads: list[str]
    name_tails: list[str]
    manners: list[str]
    taglines: list[str]
    problem_local: list[str]
    problem_details: list[str]
    systemic_sentences: list[str]
    approach_first: list[str]
    approach_second: list[str]
    target_groups: list[str]
    supporter_offers: list[str]
    supporter_closings: list[str]
    space_forms: list[str]
    space_descriptions: list[str]
    facilities: list[str]
    access_rules: list[str]
    other_funders: list[str]
    funding_descriptions: list[str]
    funding_procedures: list[str]
    municipalities: dict[str, list[str]]  # per region code
    organisation_forms: dict[str, list[str]]  # per helix role
    impacts: dict[str, list[str]]  # per stage
    supporter_intros: dict[str, list[str]]  # per helix role
    call_forms: dict[str, list[str]]  # per instrument
    amounts: dict[str, dict[str, list[int]]]  # per instrument that has amounts
    learning_descriptions: list[str]
    learning_forms: dict[str, list[str]]  # per learning format

    # The tables keyed by vocabulary codes, and the codes each must have (amounts: some of them).
    KEYED = {
        "municipalities": vocabulary.Region,
        "organisation_forms": vocabulary.HelixRole,
        "impacts": vocabulary.Stage,
        "supporter_intros": vocabulary.HelixRole,
        "call_forms": vocabulary.Instrument,
        "learning_forms": vocabulary.LearningFormat,
    }


def read_fragments(path: Path = DATA_DIR / "volume.toml") -> Fragments:
    """The fragments, checked: every key present, every table keyed by the right codes."""
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DemoError(f"{path}: {error}") from error
    names = {item.name for item in dataclasses.fields(Fragments)}
    if unknown := set(data) - names:
        raise DemoError(f"{path}: unknown keys {sorted(unknown)}.")
    if missing := names - set(data):
        raise DemoError(f"{path}: missing keys {sorted(missing)}.")
    for name, choices in Fragments.KEYED.items():
        if set(data[name]) != set(choices.values):
            raise DemoError(
                f"{path}, [{name}]: the keys must be the codes {sorted(choices.values)}, "
                f"not {sorted(data[name])}."
            )
    if unknown := set(data["amounts"]) - set(vocabulary.Instrument.values):
        raise DemoError(f"{path}, [amounts]: unknown instrument codes {sorted(unknown)}.")
    return Fragments(**data)


class Synthesizer:
    """Plausible, varied rows built from the fragments in volume.toml, drawn with a fixed seed."""

    def __init__(self, seed: str, now: datetime.datetime, text: Fragments):
        self.rng = random.Random(seed)
        self.text = text
        self.now = now
        self.challenges = list(
            Challenge.objects.active().values_list("pk", "theme_id", "name_nl", "description_nl")
        )
        self.themes = list(Theme.objects.active().values_list("pk", "name_nl"))
        if not self.challenges or not self.themes:
            raise DemoError(
                "There are no active themes or challenges to link generated content to. "
                "Activate some in the admin, or run seed_demo on an empty database."
            )

    # Small drawing helpers.
    def some(self, items: Sequence, low: int, high: int) -> list:
        return self.rng.sample(items, self.rng.randint(low, min(high, len(items))))

    def regions(self) -> list[str]:
        first = self.rng.choice(LOCAL_REGIONS if self.rng.random() < 0.85 else WIDE_REGIONS)
        return (
            [first, self.rng.choice(vocabulary.Region.values)]
            if self.rng.random() < 0.25
            else [first]
        )

    def place(self, region: str) -> str:
        return self.rng.choice(self.text.municipalities[region])

    def short_name(self, region: str) -> str:
        head, tail = self.rng.choice(self.text.name_heads), self.rng.choice(self.text.name_tails)
        return f"{head}{tail} {self.place(region)}"

    def published(self) -> dict:
        # Older than the hand-written content, so the demo's best texts stay on top of "recent".
        age = datetime.timedelta(seconds=self.rng.randint(200 * 86400, 1100 * 86400))
        return {
            "status": Status.PUBLISHED,
            "published_at": self.now - age,
            "created_at": self.now - age - datetime.timedelta(days=self.rng.randint(1, 30)),
        }

    def innovation(self, n: int) -> Row:
        rng = self.rng
        regions = self.regions()
        place = self.place(regions[0])
        name = f"{rng.choice(self.text.name_heads)}{rng.choice(self.text.name_tails)} {place}"
        role = rng.choices(ROLES, weights=[10, 15, 35, 20, 15, 5])[0]
        stage = rng.choices(STAGES, weights=[10, 20, 20, 20, 20, 10])[0]
        challenges = self.some(self.challenges, 1, 3)
        _pk, _theme, topic_name, description = challenges[0]
        topic = topic_name[0].lower() + topic_name[1:]
        partners = [role, *self.some(ROLES, 0, 2)]
        innovation = Innovation(
            name=name,
            slug=f"{slugify(name)}-{n}",
            organisation_name=rng.choice(self.text.organisation_forms[role]).format(name=name),
            organisation_role=role,
            tagline=rng.choice(self.text.taglines).format(
                topic=topic, Topic=topic_name, place=place, manner=rng.choice(self.text.manners)
            ),
            problem=" ".join(
                [
                    description or f"{topic_name} raakt veel mensen.",
                    rng.choice(self.text.problem_local).format(place=place),
                    rng.choice(self.text.problem_details),
                ]
            ),
            systemic_view=" ".join(rng.sample(self.text.systemic_sentences, 2)),
            approach=" ".join(
                [
                    rng.choice(self.text.approach_first).format(place=place),
                    rng.choice(self.text.approach_second),
                ]
            ),
            target_group=f"{rng.choice(self.text.target_groups)} in {place}.",
            impact=rng.choice(self.text.impacts[stage]).format(
                n=rng.randint(12, 300) * (6 if stage == vocabulary.Stage.SCALING else 1),
                k=rng.randint(2, 25),
            ),
            stage=stage,
            **self.published(),
        )
        links = {
            "challenges": [pk for pk, *_ in challenges],
            "regions": regions,
            "partner_roles": partners,
            "needs": self.some(SUPPORT_TYPES, 1, 4),
            # Roles it lacks: what "unusual partnerships" matching looks for.
            "wanted_roles": self.some([r for r in ROLES if r not in partners], 0, 2),
        }
        return innovation, links

    def supporter(self, n: int) -> Row:
        rng = self.rng
        role = ROLES[n % len(ROLES)]  # round robin, so every helix role grows evenly
        regions = self.regions()
        place = self.place(regions[0])
        name = rng.choice(self.text.organisation_forms[role]).format(
            name=self.short_name(regions[0])
        )
        first_stage = rng.randrange(len(STAGES))
        supporter = Supporter(
            name=name,
            slug=f"{slugify(name)}-{n}",
            helix_role=role,
            description=" ".join(
                [
                    rng.choice(self.text.supporter_intros[role]),
                    rng.choice(self.text.supporter_offers),
                    rng.choice(self.text.supporter_closings).format(place=place),
                ]
            ),
            **self.published(),
        )
        links = {
            "offers": self.some(SUPPORT_TYPES, 1, 4),
            "stages": STAGES[first_stage : first_stage + rng.randint(1, 4)],  # adjacent stages
            "challenges": [pk for pk, *_ in self.some(self.challenges, 0, 3)],
            "themes": [pk for pk, _ in self.some(self.themes, 0, 2)],
            "regions": regions,
        }
        return supporter, links

    def space(self, n: int, host_ids: Sequence[int]) -> Row:
        rng = self.rng
        region = rng.choice(LOCAL_REGIONS)
        municipality = self.place(region)
        head, tail = rng.choice(self.text.name_heads), rng.choice(self.text.name_tails)
        name = rng.choice(self.text.space_forms).format(name=f"{head}{tail} {municipality}")
        facilities = ", ".join(self.some(self.text.facilities, 2, 4))
        space = ExperimentationSpace(
            host_id=rng.choice(host_ids),
            name=name,
            slug=f"{slugify(name)}-{n}",
            description=rng.choice(self.text.space_descriptions),
            municipality=municipality,
            region=region,
            facilities=f"{facilities[0].upper()}{facilities[1:]}.",
            access=rng.choice(self.text.access_rules),
            open_to_citizens=rng.random() < 0.6,
            **self.published(),
        )
        links = {
            "themes": [pk for pk, _ in self.some(self.themes, 1, 2)],
            "challenges": [pk for pk, *_ in self.some(self.challenges, 0, 2)],
        }
        return space, links

    def funding(self, n: int, funders: Sequence[tuple[int, str]]) -> Row:
        rng = self.rng
        day = today()
        instrument = rng.choice(INSTRUMENTS)
        theme_pk, theme_name = rng.choice(self.themes)
        regions = self.regions()
        # Open, upcoming, closed and rolling calls, all relative to today.
        timing = rng.choices(["open", "upcoming", "closed", "rolling"], weights=[40, 20, 25, 15])[0]
        opens_on: datetime.date | None = day - datetime.timedelta(days=rng.randint(1, 120))
        deadline: datetime.date | None = day + datetime.timedelta(days=rng.randint(0, 150))
        if timing == "upcoming":
            opens_on = day + datetime.timedelta(days=rng.randint(1, 90))
            deadline = opens_on + datetime.timedelta(days=rng.randint(14, 120))
        elif timing == "closed":
            deadline = day - datetime.timedelta(days=rng.randint(1, 365))
            opens_on = deadline - datetime.timedelta(days=rng.randint(14, 120))
        elif timing == "rolling":
            deadline = None
            opens_on = opens_on if rng.random() < 0.5 else None
        amount_min = amount_max = None
        if amounts := self.text.amounts.get(instrument):
            amount_min = rng.choice(amounts["minimums"])
            amount_max = amount_min * rng.choice(amounts["factors"])
            if instrument == vocabulary.Instrument.PRIZE:
                amount_min = None
        funder_id, funder_name = (
            rng.choice(funders)
            if funders and rng.random() < 0.7
            else (None, rng.choice(self.text.other_funders))
        )
        year = (opens_on or deadline or day).year
        name = f"{rng.choice(self.text.call_forms[instrument]).format(theme=theme_name)} {year}"
        slug = f"{slugify(name)}-{n}"
        funding = FundingOpportunity(
            name=name,
            slug=slug,
            funder_name=funder_name,
            funder_id=funder_id,
            description=" ".join(
                [
                    rng.choice(self.text.funding_descriptions).format(theme=theme_name.lower()),
                    rng.choice(self.text.funding_procedures),
                ]
            ),
            instrument=instrument,
            amount_min=amount_min,
            amount_max=amount_max,
            opens_on=opens_on,
            deadline=deadline,
            url=f"https://example.org/oproepen/{slug}",
            **self.published(),
        )
        links = {
            "eligible_roles": self.some(ROLES, 1, 4),
            "stages": self.some(STAGES, 1, 3),
            "challenges": [pk for pk, *_ in self.some(self.challenges, 0, 2)],
            "themes": [theme_pk],
            "regions": regions,
        }
        return funding, links

    def learning(self, n: int, provider_ids: Sequence[int]) -> Row:
        """A learning offer: past, running, upcoming or self-paced, relative to today."""
        rng = self.rng
        day = today()
        learning_format = rng.choice(FORMATS)
        theme_pk, theme_name = rng.choice(self.themes)
        timing = rng.choices(["upcoming", "running", "past", "self_paced"], [45, 15, 25, 15])[0]
        start = end = None
        if timing == "upcoming":
            start = day + datetime.timedelta(days=rng.randint(1, 180))
        elif timing == "running":
            start = day - datetime.timedelta(days=rng.randint(0, 30))
            end = day + datetime.timedelta(days=rng.randint(0, 90))
        elif timing == "past":
            start = day - datetime.timedelta(days=rng.randint(1, 365))
        if start and learning_format in ("programme", "peer_learning", "coaching_track"):
            end = end or start + datetime.timedelta(days=rng.randint(20, 120))
        name = rng.choice(self.text.learning_forms[learning_format]).format(
            theme=theme_name.lower()
        )
        slug = f"{slugify(name)}-{n}"
        offer = LearningOffer(
            provider_id=rng.choice(provider_ids),
            name=name,
            slug=slug,
            format=learning_format,
            description=rng.choice(self.text.learning_descriptions).format(
                theme=theme_name.lower()
            ),
            online=learning_format == "course" or rng.random() < 0.2,
            start_date=start,
            end_date=end,
            price=None if rng.random() < 0.5 else rng.choice([25, 60, 120, 250, 450]),
            registration_url=f"https://example.org/inschrijven/{slug}",
            **self.published(),
        )
        links = {
            "competences": self.some(COMPETENCES, 1, 3),
            "stages": self.some(STAGES, 1, 3),
            "audiences": self.some(ROLES, 1, 3),
            "challenges": [pk for pk, *_ in self.some(self.challenges, 0, 2)],
            "themes": [theme_pk],
            "regions": self.regions(),
        }
        return offer, links


def top_up(
    targets: dict[str, int], now: datetime.datetime, say: Callable[[str], None]
) -> dict[str, int]:
    """Generate what is missing for each target (a count per `seed_demo` option: innovations,
    supporters, spaces, funding, learning); return how many of each kind were generated."""
    run = functools.partial(generate, now=now, say=say, text=read_fragments())
    generated: dict[str, int] = {}
    if "innovations" in targets:
        generated["innovations"] = run(
            "innovations", Innovation, targets["innovations"], Synthesizer.innovation
        )
    # Supporters before places and funding: generated places need published hosts, and
    # generated funding may link a financier or government that is on the platform.
    if "supporters" in targets:
        generated["supporters"] = run(
            "supporters", Supporter, targets["supporters"], Synthesizer.supporter
        )
    if "spaces" in targets:
        host_ids = list(Supporter.objects.published().values_list("pk", flat=True))
        if not host_ids:
            raise DemoError(
                "No published supporter can host experimentation places: "
                "publish one in the admin, or pass --supporters N as well."
            )
        generated["experimentation places"] = run(
            "spaces", ExperimentationSpace, targets["spaces"], lambda s, n: s.space(n, host_ids)
        )
    if "funding" in targets:
        roles = [vocabulary.HelixRole.FINANCIER, vocabulary.HelixRole.GOVERNMENT]
        funders = list(
            Supporter.objects.published().filter(helix_role__in=roles).values_list("pk", "name")
        )
        generated["funding opportunities"] = run(
            "funding", FundingOpportunity, targets["funding"], lambda s, n: s.funding(n, funders)
        )
    if "learning" in targets:
        provider_ids = list(Supporter.objects.published().values_list("pk", flat=True))
        if not provider_ids:
            raise DemoError(
                "No published supporter can provide learning offers: "
                "publish one in the admin, or pass --supporters N as well."
            )
        generated["learning offers"] = run(
            "learning",
            LearningOffer,
            targets["learning"],
            lambda s, n: s.learning(n, provider_ids),
        )
    return generated


def generate(
    label: str,
    model: type[models.Model],
    target: int,
    make_row: Callable[[Synthesizer, int], Row],
    *,
    now: datetime.datetime,
    say: Callable[[str], None],
    text: Fragments,
) -> int:
    missing = target - model.objects.published().count()
    if missing <= 0:
        say(f"{label}: already {target} or more published, nothing to generate.")
        return 0
    # Suffixes above the highest primary key cannot clash with earlier generated slugs.
    first = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
    synthesizer = Synthesizer(f"hubsi-demo-{label}-{first}", now, text)
    done = 0
    while done < missing:
        size = min(BATCH_SIZE, missing - done)
        rows = [make_row(synthesizer, first + done + i) for i in range(size)]
        with transaction.atomic():
            insert_rows(model, rows)
        done += size
        say(f"{label}: {done}/{missing}")
    return missing
