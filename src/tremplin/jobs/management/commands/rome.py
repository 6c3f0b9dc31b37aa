from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tremplin.core.errors import DomainError
from tremplin.jobs.services.rome import rome_file_kind, rome_load


class Command(BaseCommand):
    help = "Charge le ROME (répertoire des métiers de France Travail) depuis ses fichiers CSV."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="action")
        load = sub.add_parser(
            "load",
            help="charge ou met à jour le ROME (idempotent) ; donnez le fichier des fiches "
            "(unix_referentiel_code_rome_…csv) et, si vous l'avez, celui des appellations "
            "(unix_referentiel_appellation_…csv), dans n'importe quel ordre",
        )
        load.add_argument("files", nargs="+", metavar="FICHIER", help="fichier CSV du ROME")

    def handle(self, *args, action, files, **options):
        paths = {}
        try:
            for name in files:
                path = Path(name)
                if not path.is_file():
                    raise CommandError(f"Fichier introuvable : {name}")
                kind = rome_file_kind(path)
                if kind in paths:
                    raise CommandError(f"Deux fichiers d'{kind} donnés : gardez-en un seul.")
                paths[kind] = path
            with tqdm(unit=" lignes", disable=options["verbosity"] == 0, file=self.stderr) as bar:
                report = rome_load(
                    codes_path=paths.get("codes"),
                    appellations_path=paths.get("appellations"),
                    progress=bar.update,
                )
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        for issue in report.issues[:50]:
            self.stderr.write(f"  refusée — {issue}")
        if len(report.issues) > 50:
            self.stderr.write(f"  … et {len(report.issues) - 50} autres")
        self.stdout.write(self.style.SUCCESS(f"ROME chargé : {report}."))
