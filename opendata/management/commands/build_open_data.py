from django.core.management.base import BaseCommand

from opendata import files


class Command(BaseCommand):
    help = "Build the open-data files (CSV and JSON per kind) now, in this process."

    def handle(self, *args, **options):
        manifest = files.build_all()
        for kind, count in manifest["counts"].items():
            self.stdout.write(f"{kind}: {count}")
        self.stdout.write(f"built at {manifest['built_at']} in {files.directory()}")
