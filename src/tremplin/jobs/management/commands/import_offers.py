import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tremplin.jobs.importing.run import offers_import
from tremplin.jobs.models import OfferSource, SourceFormat
from tremplin.jobs.services.sources import run_summary

FORMATS = [choice for choice, _ in SourceFormat.choices]


class Command(BaseCommand):
    help = (
        "Importe des offres d'emploi ou de formation depuis un fichier (JSON-LD JobPosting, "
        "JSON France Travail, CSV, LHEO)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format",
            required=True,
            choices=FORMATS,
            help="format du fichier : jobposting (JSON-LD ou page HTML), francetravail (JSON "
            "de l'API Offres d'emploi v2), csv (colonnes décrites dans docs/jobs.md), "
            "lheo (XML des offres de formation)",
        )
        parser.add_argument(
            "file", metavar="FICHIER", help="chemin du fichier, ou - pour l'entrée standard"
        )
        parser.add_argument(
            "--source",
            default=None,
            help="identifiant de la source (par défaut : le nom du format) ; les offres sont "
            "reconnues d'un import à l'autre par cet identifiant et le leur",
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="le fichier contient toutes les offres en cours de la source : celles qu'il "
            "ne contient plus sont retirées",
        )
        parser.add_argument(
            "--kind",
            choices=["job", "training"],
            default=None,
            help="pour le CSV : offres d'emploi (job) ou de formation (training) ; deviné "
            "d'après l'en-tête sinon",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="ne pas mettre à jour l'index de recherche tout de suite (la tâche de fond le "
            "fera)",
        )
        parser.add_argument(
            "--show",
            type=int,
            default=100,
            metavar="N",
            help="nombre de problèmes détaillés affichés (100 par défaut ; tous sont enregistrés "
            "dans l'administration, Imports)",
        )

    def handle(self, *args, format, file, source, full, kind, no_index, show, **options):
        source_name = source or format
        configured = OfferSource.objects.filter(key=source_name).first()
        try:
            stream = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"Impossible de lire « {file} » : {exc.strerror}.") from exc
        with (
            stream,
            tqdm(unit=" offres", disable=options["verbosity"] == 0, file=self.stderr) as bar,
        ):
            run = offers_import(
                stream=stream,
                format=format,
                source_name=source_name,
                source=configured,
                full_refresh=full,
                kind=kind,
                progress=bar.update,
                index=not no_index,
            )
        for issue in run.issues[:show]:
            label = {"warning": "attention", "skipped": "ignorée", "info": "…"}.get(
                issue["level"], "refusée"
            )
            self.stderr.write(f"  {label} — {issue['position']} : {issue['reason']}")
        if len(run.issues) > show:
            self.stderr.write(
                f"  … {len(run.issues) - show} autres problèmes (voir l'import n° {run.pk})"
            )
        if run.failed and not run.read:
            raise CommandError(f"Import refusé : {run.message}")
        summary = f"Import n° {run.pk} ({source_name}) : {run_summary(run)}"
        self.stdout.write(
            self.style.WARNING(summary) if run.failed else self.style.SUCCESS(summary)
        )
