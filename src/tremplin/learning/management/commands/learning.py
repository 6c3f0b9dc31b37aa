from pathlib import Path as FsPath

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tremplin.learning.content_io.exporter import path_export
from tremplin.learning.content_io.format import ContentError
from tremplin.learning.content_io.importer import content_import, count_modules
from tremplin.learning.models import Path


class Command(BaseCommand):
    help = "Importe ou exporte les parcours de formation (fichiers Markdown, archive zip)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="action")
        load = sub.add_parser(
            "import",
            help="importe les parcours livrés, un dossier de parcours ou une archive exportée",
        )
        load.add_argument(
            "source",
            nargs="?",
            metavar="CHEMIN",
            help="dossier d'un parcours, dossier de parcours ou archive .zip "
            "(par défaut : les parcours livrés avec Tremplin)",
        )
        load.add_argument(
            "--force",
            action="store_true",
            help="remplace aussi les modules modifiés depuis dans l'administration",
        )
        load.add_argument(
            "--draft",
            action="store_true",
            help="importe les nouveaux modules en brouillon (sans les publier)",
        )
        out = sub.add_parser("export", help="exporte un parcours (textes et médias) en zip")
        out.add_argument("path_slug", metavar="PARCOURS", help="identifiant du parcours")
        out.add_argument("target", metavar="SORTIE.zip", help="fichier zip à écrire")

    def handle(self, *args, action, **options):
        if action == "import":
            return self._import(options)
        return self._export(options["path_slug"], options["target"])

    def _import(self, options):
        source = FsPath(options["source"]) if options.get("source") else None
        try:
            total = count_modules(source) if source is None or source.exists() else 0
            with tqdm(
                total=total, unit=" modules", disable=options["verbosity"] == 0, file=self.stderr
            ) as bar:
                report = content_import(
                    source,
                    force=options["force"],
                    publish=not options["draft"],
                    progress=bar.update,
                )
        except ContentError as error:
            raise CommandError(f"Import impossible — {error.file} : {error.reason}") from error
        for label in report.kept:
            self.stdout.write(
                f"Conservé (modifié dans l'administration, --force pour remplacer) : {label}"
            )
        for label in report.drafts:
            self.stdout.write(f"Laissé en brouillon (à compléter avant publication) : {label}")
        for error in report.errors:
            self.stderr.write(self.style.ERROR(f"Refusé — {error.file} : {error.reason}"))
        message = f"Import terminé : {report.summary()}"
        if report.errors:
            raise CommandError(message)
        self.stdout.write(self.style.SUCCESS(message))

    def _export(self, slug, target):
        path = Path.objects.filter(slug=slug).first()
        if path is None:
            known = ", ".join(Path.objects.values_list("slug", flat=True)) or "aucun"
            raise CommandError(f"Parcours « {slug} » introuvable. Parcours connus : {known}.")
        target = FsPath(target)
        if target.suffix != ".zip":
            raise CommandError("Le fichier de sortie doit se terminer par .zip.")
        count = path_export(path, target)
        self.stdout.write(
            self.style.SUCCESS(
                f"Parcours « {path.title} » exporté : {count} modules dans {target}."
            )
        )
