from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from hubsi.signals import catalogue_changed
        from opendata import receivers
        from opendata.tasks import schedule_build

        catalogue_changed.connect(schedule_build, dispatch_uid="opendata-build")
        receivers.connect()
