import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from tremplin.core.scheduling import periodic_jobs, scheduler_tick


class Command(BaseCommand):
    help = "Met en file les tâches périodiques à leur heure (à lancer à côté du worker)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=30.0,
            help="secondes entre deux vérifications (30 par défaut)",
        )
        parser.add_argument(
            "--once", action="store_true", help="une seule vérification, puis quitter"
        )
        parser.add_argument("--list", action="store_true", help="liste les tâches déclarées")

    def handle(self, *args, interval, once, list, **options):
        if list:
            for job in periodic_jobs().values():
                at = f" à {job.at:%H:%M}" if job.at else ""
                self.stdout.write(f"{job.name}: toutes les {job.every}{at}")
            return
        stopping = False

        def stop(signum, frame):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(f"Planificateur : {len(periodic_jobs())} tâches périodiques déclarées.")
        while not stopping:
            close_old_connections()
            for name in scheduler_tick():
                self.stdout.write(f"mise en file : {name}")
            if once:
                break
            slept = 0.0
            while slept < interval and not stopping:
                time.sleep(0.5)
                slept += 0.5
