from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tremplin.core.geo_loader import SOURCE, geo_load, read_reference


class Command(BaseCommand):
    help = "Charge la géographie de la France (communes, codes postaux, départements, régions)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="action")
        load = sub.add_parser("load", help="charge ou met à jour toutes les communes (idempotent)")
        load.add_argument(
            "--departement",
            action="append",
            dest="departments",
            metavar="CODE",
            help="ne charger que les communes de ce département (répétable)",
        )

    def handle(self, *args, action, departments=None, **options):
        if action != "load":
            raise CommandError(f"action inconnue : {action}")
        self.stdout.write(f"Source : {SOURCE}")
        ref = read_reference()
        if departments:
            unknown = sorted(set(departments) - set(ref.departments))
            if unknown:
                raise CommandError(f"département inconnu : {', '.join(unknown)}")
            total = sum(1 for c in ref.communes.values() if c["department"] in departments)
        else:
            total = len(ref.communes)
        with tqdm(
            total=total, unit=" communes", disable=options["verbosity"] == 0, file=self.stderr
        ) as bar:
            report = geo_load(departments=departments, progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Géographie chargée : {report}."))
