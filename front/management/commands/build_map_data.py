from django.core.management.base import BaseCommand

from front import mapdata


class Command(BaseCommand):
    help = (
        "Project the region shapes and municipalities in front/data/ to SVG coordinates and "
        "write front/data/regions.json (commit it). See front/data/SOURCES.md."
    )

    def handle(self, *args, **options):
        mapdata.OUTPUT.write_text(mapdata.dumps(mapdata.build()), encoding="utf-8")
        self.stdout.write(f"Wrote {mapdata.OUTPUT}")
