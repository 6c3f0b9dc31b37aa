from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tremplin.core.errors import DomainError
from tremplin.diagnostic.conf import questionnaires_dir
from tremplin.diagnostic.questionnaire import QuestionnaireError
from tremplin.diagnostic.versions import read_version_file, version_files


class Command(BaseCommand):
    help = "Vérifie et publie les versions du questionnaire du diagnostic numérique."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="action")
        check = sub.add_parser(
            "check", help="vérifie des fichiers de questionnaire sans rien publier"
        )
        check.add_argument(
            "files",
            nargs="*",
            metavar="FICHIER",
            help="fichiers à vérifier (par défaut : ceux du dossier des questionnaires)",
        )
        publish = sub.add_parser(
            "publish",
            help="publie les fichiers du dossier des questionnaires (une version déjà "
            "utilisée par des diagnostics ne peut plus changer)",
        )
        publish.add_argument(
            "files",
            nargs="*",
            metavar="FICHIER",
            help="fichiers à publier (par défaut : ceux du dossier des questionnaires)",
        )

    def _files(self, files) -> list[Path]:
        if files:
            return [Path(f) for f in files]
        found = [path for _number, path in version_files()]
        if not found:
            raise CommandError(f"aucun fichier vN.yaml dans {questionnaires_dir()}")
        return found

    def handle(self, *args, action, files, **options):
        paths = self._files(files)
        failed = 0
        for path in paths:
            try:
                if action == "check":
                    found = read_version_file(path)
                    counts = ", ".join(
                        f"{s.key} {len(found.questionnaire.questions_for(s.key))}"
                        for s in found.questionnaire.sectors
                    )
                    self.stdout.write(f"{path.name} : version {found.number} valide ({counts}).")
                else:
                    from tremplin.diagnostic.services import questionnaire_publish

                    version, status = questionnaire_publish(path=path)
                    words = {"created": "publiée", "updated": "mise à jour", "same": "inchangée"}
                    self.stdout.write(f"{path.name} : version {version.number} {words[status]}.")
            except QuestionnaireError as exc:
                failed += 1
                for error in exc.errors:
                    self.stderr.write(error)
            except DomainError as exc:
                failed += 1
                self.stderr.write(exc.message)
        if failed:
            raise CommandError(
                f"{failed} fichier(s) refusé(s) sur {len(paths)} ; rien n'a changé pour eux."
            )
        self.stdout.write(self.style.SUCCESS(f"{len(paths)} fichier(s) : tout est en ordre."))
