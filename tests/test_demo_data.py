"""The demo data files (demo/data/*.toml): codes, slugs and the loader's checks."""

import shutil
import tomllib

import pytest
from django.utils.text import slugify

from demo import loader, volume
from hubsi import vocabulary
from hubsi.models import Status

DATA = loader.DATA_DIR

# Which vocabulary of hubsi/vocabulary.py each coded key uses, per file.
CODES = {
    "innovations.toml": {
        "status": Status,
        "language": vocabulary.ContentLanguage,
        "organisation_role": vocabulary.HelixRole,
        "partner_roles": vocabulary.HelixRole,
        "wanted_roles": vocabulary.HelixRole,
        "stage": vocabulary.Stage,
        "regions": vocabulary.Region,
        "needs": vocabulary.SupportType,
    },
    "supporters.toml": {
        "status": Status,
        "helix_role": vocabulary.HelixRole,
        "offers": vocabulary.SupportType,
        "stages": vocabulary.Stage,
        "regions": vocabulary.Region,
    },
    "spaces.toml": {"status": Status, "region": vocabulary.Region},
    "funding.toml": {
        "instrument": vocabulary.Instrument,
        "eligible_roles": vocabulary.HelixRole,
        "stages": vocabulary.Stage,
        "regions": vocabulary.Region,
    },
}
# Which file's slugs each referring key names, per file.
REFERENCES = {
    "challenges.toml": {"theme": "themes.toml"},
    "innovations.toml": {"challenges": "challenges.toml"},
    "supporters.toml": {"challenges": "challenges.toml", "themes": "themes.toml"},
    "spaces.toml": {
        "host": "supporters.toml",
        "themes": "themes.toml",
        "challenges": "challenges.toml",
    },
    "funding.toml": {
        "funder": "supporters.toml",
        "challenges": "challenges.toml",
        "themes": "themes.toml",
    },
}


def items(file: str) -> list[dict]:
    with (DATA / file).open("rb") as data:
        (table,) = tomllib.load(data).values()
    return table


def values(item: dict, key: str) -> list:
    value = item.get(key, [])
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("file", CODES)
def test_every_code_in_the_data_is_in_the_vocabulary(file):
    for item in items(file):
        for key, choices in CODES[file].items():
            assert set(values(item, key)) <= set(choices.values), (file, item["slug"], key)


def test_every_code_keyed_table_of_fragments_is_in_the_vocabulary():
    with (DATA / "volume.toml").open("rb") as data:
        fragments = tomllib.load(data)

    assert set(fragments["municipalities"]) == set(vocabulary.Region.values)
    assert set(fragments["organisation_forms"]) == set(vocabulary.HelixRole.values)
    assert set(fragments["supporter_intros"]) == set(vocabulary.HelixRole.values)
    assert set(fragments["impacts"]) == set(vocabulary.Stage.values)
    assert set(fragments["call_forms"]) == set(vocabulary.Instrument.values)
    assert set(fragments["amounts"]) <= set(vocabulary.Instrument.values)


@pytest.mark.parametrize("file", REFERENCES)
def test_every_slug_reference_resolves(file):
    """A typo would silently drop a relation; catch it here."""
    for item in items(file):
        for key, target in REFERENCES[file].items():
            known = {other["slug"] for other in items(target)}
            assert set(values(item, key)) <= known, (file, item["slug"], key)


@pytest.mark.parametrize("kind", loader.KINDS, ids=lambda kind: kind.file)
def test_slugs_are_unique_slugs(kind):
    slugs = [item["slug"] for item in items(kind.file)]

    assert len(slugs) == len(set(slugs))
    assert all(slugify(slug) == slug for slug in slugs)


@pytest.mark.parametrize("kind", loader.KINDS, ids=lambda kind: kind.file)
def test_texts_are_joined_with_single_spaces(kind):
    """Long texts are wrapped with TOML's line-ending backslash; a slip shows up as two spaces."""
    for item in items(kind.file):
        for key, value in item.items():
            if isinstance(value, str):
                assert value == value.strip() and "  " not in value, (item["slug"], key)


def test_the_loader_and_the_generator_accept_the_data():
    data = loader.read()
    volume.read_fragments()

    assert {kind.file for kind in loader.KINDS} == set(data)
    assert all(data.values())


@pytest.mark.parametrize(
    ("file", "old", "new", "named"),
    [
        (
            "innovations.toml",
            'stage = "co_creation"',
            'stage = "cocreation"',
            ["innovation 'warm-wonen-genk'", "stage", "'cocreation'"],
        ),
        (
            "spaces.toml",
            'host = "bouwbedrijf-de-nieuwe-steen"',
            'host = "nergens"',
            ["space 'proefwoning-winterslag'", "host", "'nergens'", "supporters.toml"],
        ),
        (
            "themes.toml",
            'name_en = "Work"',
            'name_eng = "Work"',
            ["theme 'werk'", "'name_eng'"],
        ),
        (
            "challenges.toml",
            'slug = "kinderarmoede"',
            'slug = "energiearmoede-bij-huurders"',
            ["challenge 'energiearmoede-bij-huurders'", "twice"],
        ),
    ],
)
def test_a_mistake_in_a_file_is_named_with_the_file_item_and_value(tmp_path, file, old, new, named):
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    path = copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")

    with pytest.raises(loader.DemoError) as error:
        loader.read(copy)

    for part in [str(path), *named]:
        assert part in str(error.value)
