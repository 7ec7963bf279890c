"""The insights charts' geometry (front/svg.py) and the map data (front/mapdata.py)."""

import json
import re

import pytest

from front import mapdata, svg


def test_scale_is_proportional_and_zero_stays_zero():
    assert svg.scale(0, 10, 300) == 0
    assert svg.scale(5, 0, 300) == 0  # nothing to compare with: no bar, no division by zero
    assert svg.scale(10, 10, 300) == 300
    assert svg.scale(5, 10, 300) == 150
    assert svg.scale(1, 3, 100) == 33.3


def test_bars_share_one_scale_and_carry_their_numbers():
    chart = svg.bar_chart([("A", [4, 2]), ("B", [0, 8])], ["have", "want"])
    longest = svg.WIDTH - svg.VALUE_ROOM
    a, b = chart.rows
    assert [bar.width for bar in a.bars] == [longest / 2, longest / 4]
    assert [bar.width for bar in b.bars] == [0, longest]
    assert [bar.value for bar in a.bars + b.bars] == [4, 2, 0, 8]
    for bar in a.bars + b.bars:
        assert bar.text_x > bar.width  # the number sits right of its bar
        assert bar.x + bar.width <= chart.width
    assert [entry.label for entry in chart.legend] == ["have", "want"]


def test_bars_do_not_overlap_and_fit_the_chart():
    chart = svg.bar_chart([(f"Row {i}", [i, 10 - i, 3]) for i in range(6)], ["a", "b", "c"])
    tops = [bar.y for row in chart.rows for bar in row.bars]
    assert tops == sorted(tops)
    for upper, lower in zip(tops, tops[1:], strict=False):
        assert lower - upper >= svg.BAR_HEIGHT
    assert chart.height >= tops[-1] + svg.BAR_HEIGHT
    # Every row's label lies above its first bar and below the previous row's last bar.
    for previous, row in zip(chart.rows, chart.rows[1:], strict=False):
        assert previous.bars[-1].y + svg.BAR_HEIGHT < row.label_y < row.bars[0].y


def test_a_single_series_needs_no_legend():
    assert svg.bar_chart([("A", [1])], ["only"]).legend == []


def test_journey_stations_follow_one_path_and_grow_with_their_value():
    journey = svg.journey([("one", 0), ("two", 4), ("three", 16)])
    one, two, three = journey.stations
    assert [station.number for station in journey.stations] == [1, 2, 3]
    assert one.y < two.y < three.y
    assert (journey.line_top, journey.line_bottom) == (one.y, three.y)
    assert one.radius == svg.JOURNEY_MIN_RADIUS and three.radius == svg.JOURNEY_MAX_RADIUS
    assert one.radius < two.radius < three.radius
    assert one.bar_width == 0 and two.bar_width == three.bar_width / 4
    assert journey.height == 3 * svg.JOURNEY_ROW


def test_an_empty_journey_draws_small_stations_without_bars():
    journey = svg.journey([("one", 0), ("two", 0)])
    assert all(s.radius == svg.JOURNEY_MIN_RADIUS and s.bar_width == 0 for s in journey.stations)


@pytest.mark.parametrize(
    ("largest", "bounds"),
    [
        (0, []),
        (1, [(1, 1)]),
        (3, [(1, 1), (2, 2), (3, 3)]),
        (8, [(1, 2), (3, 4), (5, 6), (7, 8)]),
        (10, [(1, 3), (4, 6), (7, 9), (10, 10)]),
    ],
)
def test_shade_classes_cover_every_count_once(largest, bounds):
    assert svg.shade_steps(largest) == bounds
    for value in range(1, largest + 1):
        assert sum(low <= value <= high for low, high in bounds) == 1


def test_shade_of_a_count():
    bounds = svg.shade_steps(8)
    assert [svg.shade_of(value, bounds) for value in (0, 1, 2, 3, 8)] == [0, 1, 1, 2, 4]


# --- The map data ---------------------------------------------------------------------------


def test_the_committed_map_data_is_built_from_the_sources():
    """front/data/regions.json is what `manage.py build_map_data` makes of the sources next to
    it: re-run the command after changing either."""
    assert mapdata.OUTPUT.read_text(encoding="utf-8") == mapdata.dumps(mapdata.build())


def test_the_map_has_the_five_provinces_brussels_and_a_background():
    data = mapdata.load()
    assert set(data["regions"]) == {
        "antwerp",
        "limburg",
        "east_flanders",
        "flemish_brabant",
        "west_flanders",
        "brussels",
        "wallonia",
    }
    for code, region in data["regions"].items():
        assert re.fullmatch(r"(M[-\d., ]+Z)+", region["path"]), code
        if code != "wallonia":
            x, y = region["label"]
            assert 0 < x < data["width"] and 0 < y < data["height"], code


def test_flanders_fits_the_frame_and_keeps_its_proportions():
    data = mapdata.load()
    points = [
        tuple(map(float, pair.split(",")))
        for code, region in data["regions"].items()
        if code != "wallonia"
        for pair in re.findall(r"[-\d.]+,[-\d.]+", region["path"])
    ]
    xs, ys = [x for x, _y in points], [y for _x, y in points]
    assert min(xs) == mapdata.MARGIN and max(xs) == pytest.approx(data["width"] - mapdata.MARGIN)
    assert min(ys) == mapdata.MARGIN and max(ys) == pytest.approx(
        data["height"] - mapdata.MARGIN, abs=1
    )
    # Flanders is about 2.6 times as wide as it is high on a map.
    assert 2.2 < (max(xs) - min(xs)) / (max(ys) - min(ys)) < 3.0


def test_municipalities_lie_in_their_province_on_the_map():
    """Town centres are projected like the shapes: Genk lies east of Gent, Brugge west of both,
    and every point inside the frame."""
    data = mapdata.load()
    places = data["municipalities"]
    assert len(places) == 304
    assert places["genk"][:2] == ["Genk", "limburg"]
    assert places["brugge"][2] < places["gent"][2] < places["genk"][2]
    for name, _province, x, y in places.values():
        assert 0 <= x <= data["width"] and 0 <= y <= data["height"], name


def test_the_projection_is_north_up():
    projection = mapdata.Projection(3.0, 50.0, 6.0, 51.5)
    west, east = projection(3.0, 51.0), projection(6.0, 51.0)
    north, south = projection(4.0, 51.5), projection(4.0, 50.0)
    assert west[0] < east[0] and north[1] < south[1]
    assert json.loads(json.dumps(projection(4.0, 50.5)))  # plain numbers, ready for JSON
