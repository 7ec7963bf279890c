"""The insights map's geometry: projected once from the sources in front/data/, read at run time.

`build()` turns the region shapes (GeoJSON, WGS84) and the municipalities' town centres (CSV)
into SVG path data and points in one coordinate system, and `python manage.py build_map_data`
writes the result to front/data/regions.json, which is committed. The page reads only that file
(`load()`, once per process), so no request projects anything.

The projection is equirectangular around the map's middle latitude (x scaled by its cosine):
at the size of Flanders the distortion is below what the simplified shapes show anyway.
"""

import csv
import json
import math
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
REGIONS_SOURCE = DATA / "be-regions.geojson"
MUNICIPALITIES_SOURCE = DATA / "flemish-municipalities.csv"
OUTPUT = DATA / "regions.json"

WIDTH = 600  # SVG user units; the height follows from the shapes' proportions
MARGIN = 8
BACKGROUND = "wallonia"  # drawn for orientation, not counted, not fitted into the frame
# Where each region's label goes (longitude, latitude), chosen by hand: a bounding box's middle
# falls on Brussels for Flemish Brabant, which surrounds it.
LABELS = {
    "west_flanders": (2.92, 51.05),
    "east_flanders": (3.88, 51.0),
    "antwerp": (4.7, 51.22),
    "limburg": (5.38, 51.12),
    "flemish_brabant": (5.05, 50.79),
    "brussels": (4.36, 50.84),
}


class Projection:
    """Longitude/latitude to SVG x/y (y down), fitted to a bounding box."""

    def __init__(self, west: float, south: float, east: float, north: float):
        self.west, self.north = west, north
        self.x_scale = math.cos(math.radians((south + north) / 2))
        self.k = (WIDTH - 2 * MARGIN) / ((east - west) * self.x_scale)
        self.height = round((north - south) * self.k + 2 * MARGIN)

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = MARGIN + (lon - self.west) * self.x_scale * self.k
        y = MARGIN + (self.north - lat) * self.k
        return round(x, 1), round(y, 1)


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def path_data(rings, project: Projection) -> str:
    """SVG path data: one closed subpath per ring. Points that round to the previous one are
    dropped (the simplification that rounding to 0.1 unit allows)."""
    parts = []
    for ring in rings:
        points = []
        for lon, lat in ring:
            point = project(lon, lat)
            if not points or point != points[-1]:
                points.append(point)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        if len(points) < 3:
            continue
        coords = " ".join(f"{x:g},{y:g}" for x, y in points)
        parts.append(f"M{coords}Z")
    return "".join(parts)


def build(
    regions_source: Path = REGIONS_SOURCE, municipalities_source: Path = MUNICIPALITIES_SOURCE
) -> dict:
    features = json.loads(regions_source.read_text(encoding="utf-8"))["features"]
    fitted = [f for f in features if f["properties"]["code"] != BACKGROUND]
    lons = [p[0] for f in fitted for ring in _rings(f["geometry"]) for p in ring]
    lats = [p[1] for f in fitted for ring in _rings(f["geometry"]) for p in ring]
    project = Projection(min(lons), min(lats), max(lons), max(lats))
    regions = {}
    for feature in features:
        properties = feature["properties"]
        code = properties["code"]
        regions[code] = {"path": path_data(_rings(feature["geometry"]), project)}
        if code in LABELS:
            regions[code]["label"] = list(project(*LABELS[code]))
    with municipalities_source.open(encoding="utf-8", newline="") as handle:
        municipalities = {
            row["name_nl"].casefold(): [
                row["name_nl"],
                row["province"],
                *project(float(row["longitude"]), float(row["latitude"])),
            ]
            for row in csv.DictReader(handle)
        }
    return {
        "width": WIDTH,
        "height": project.height,
        "regions": regions,
        "municipalities": dict(sorted(municipalities.items())),
    }


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@cache
def load() -> dict:
    """The committed map data (read once per process)."""
    return json.loads(OUTPUT.read_text(encoding="utf-8"))
