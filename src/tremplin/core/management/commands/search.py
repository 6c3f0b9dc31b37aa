from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tremplin.core.search import doc_types, drain, rebuild
from tremplin.core.search.index import root_of


class Command(BaseCommand):
    help = "Gère l'index de recherche (reconstruction, mise à jour, état)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="action")
        rebuild_parser = sub.add_parser(
            "rebuild",
            help="reconstruit l'index depuis la base de données (sans interrompre la recherche)",
        )
        rebuild_parser.add_argument(
            "--type",
            action="append",
            dest="types",
            metavar="TYPE",
            help="ne reconstruire que ce type de documents (répétable), par exemple jobs.offer",
        )
        sub.add_parser("drain", help="applique tout de suite les changements en attente")
        sub.add_parser(
            "status", help="affiche les types de documents et les changements en attente"
        )

    def handle(self, *args, action, types=None, **options):
        known = {dt.name for dt in doc_types()}
        if action == "rebuild":
            unknown = set(types or []) - known
            if unknown:
                names = ", ".join(sorted(unknown))
                raise CommandError(f"type inconnu : {names} (connus : {', '.join(sorted(known))})")
            for name in types or sorted(known):
                with tqdm(
                    unit=" documents",
                    desc=name,
                    disable=options["verbosity"] == 0,
                    file=self.stderr,
                ) as bar:
                    count = rebuild(name, progress=bar.update)
                self.stdout.write(self.style.SUCCESS(f"{name} : {count} documents indexés."))
        elif action == "drain":
            applied = drain()
            self.stdout.write(self.style.SUCCESS(f"{applied} changements appliqués à l'index."))
        else:
            from tremplin.core.models import SearchChange

            for name in sorted(known):
                pending = SearchChange.objects.filter(doc_type=name).count()
                self.stdout.write(f"{name} : {pending} changements en attente — {root_of(name)}")
