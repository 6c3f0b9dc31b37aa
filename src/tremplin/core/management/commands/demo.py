import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tremplin.core.demo_loaders import DemoContext, demo_loaders, demo_run
from tremplin.core.models import Commune
from tremplin.core.territory import territory_for
from tremplin.core.territory_spec import TerritorySpecError, parse_territory_spec


class Command(BaseCommand):
    help = "Construit le territoire de démonstration (idempotent, déterministe avec --seed)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--territory",
            default=None,
            help="territoire des données de démonstration, par exemple region:84 ou "
            "departement:42 (par défaut : TREMPLIN_TERRITORY)",
        )
        parser.add_argument("--seed", type=int, default=2026, help="graine (2026 par défaut)")
        parser.add_argument(
            "--only",
            action="append",
            metavar="NOM",
            help="ne lancer que ce chargeur (répétable) ; voir --list",
        )
        parser.add_argument("--list", action="store_true", help="liste les chargeurs")

    def handle(self, *args, territory, seed, only, list, **options):
        if list:
            for loader in demo_loaders():
                self.stdout.write(f"{loader.name}")
            return
        try:
            spec = parse_territory_spec(territory) if territory else settings.TREMPLIN_TERRITORY
        except TerritorySpecError as exc:
            raise CommandError(f"--territory : {exc}") from exc
        if not Commune.objects.exists():
            raise CommandError(
                "La géographie n'est pas chargée : lancez d'abord « tremplin geo load »."
            )
        area = territory_for(spec)
        if not area:
            raise CommandError(f"Aucune commune ne correspond au territoire « {spec} ».")
        unknown = set(only or []) - {loader.name for loader in demo_loaders()}
        if unknown:
            raise CommandError(f"chargeur inconnu : {', '.join(sorted(unknown))}")
        self.stdout.write(
            f"Territoire de démonstration : {area.name} ({len(area.insee_codes)} communes), "
            f"graine {seed}"
        )
        context = DemoContext(
            seed=seed,
            territory=area,
            out=self.stdout.write,
            progress=None if options["verbosity"] == 0 or not sys.stderr.isatty() else True,
        )
        demo_run(context, only=set(only) if only else None)
        if context.logins:
            self.stdout.write("")
            self.stdout.write("Comptes de démonstration (e-mail / mot de passe) :")
            for role, email, password in context.logins:
                self.stdout.write(f"  {role:<28} {email:<40} {password}")
            self.stdout.write(
                "Les comptes de médiation et d'administration demandent un code à usage unique : "
                "« tremplin demo-code <e-mail> » l'affiche."
            )
        self.stdout.write(self.style.SUCCESS("Démonstration prête."))
