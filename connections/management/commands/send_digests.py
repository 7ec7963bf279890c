"""Send the saved-search digests that are due. Run it from cron, for example every hour:

    0 * * * *  cd /srv/hubsi && .venv/bin/python manage.py send_digests

Safe to run more often or twice (a digest is sent once per day or week) and after downtime
(each digest covers everything since the previous one). See docs/connecting.md.
"""

from django.core.management.base import BaseCommand

from connections.digests import send_digests


class Command(BaseCommand):
    help = "Send the daily and weekly digests of saved searches that are due."

    def handle(self, *args, **options):
        sent = send_digests()
        if options["verbosity"] > 0:
            self.stdout.write(f"{sent} digest(s) sent.")
