"""The ``tremplin`` command: Tremplin's management commands, for the people who run it.

``tremplin geo load`` is ``manage.py geo load``; hyphens are accepted (``import-offers``).
"""

from __future__ import annotations

import os
import sys

# Django and contributed commands an operator needs, shown in the help beside Tremplin's own.
OPERATOR_COMMANDS = {
    "migrate": "Met à jour la base de données (à lancer après chaque mise à jour).",
    "createsuperuser": "Crée un compte d'administration.",
    "collectstatic": "Rassemble les fichiers statiques pour le serveur web.",
    "check": "Vérifie la configuration (ajoutez --deploy en production).",
    "db_worker": "Exécute les tâches de fond (e-mails, imports…).",
}


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        print(f"tremplin: configuration incomplète : {exc}", file=sys.stderr)
        sys.exit(2)


def _tremplin_commands() -> dict[str, str]:
    from django.core.management import get_commands, load_command_class

    found = {}
    for name, app in sorted(get_commands().items()):
        if app.startswith("tremplin."):
            command = load_command_class(app, name)
            found[name.replace("_", "-")] = (command.help or "").strip().splitlines()[0]
    return found


def print_help() -> None:
    lines = [
        "usage: tremplin <commande> [options]   (tremplin <commande> --help pour le détail)",
        "",
        "Commandes de Tremplin :",
    ]
    lines += [f"  {name:<22} {text}" for name, text in _tremplin_commands().items()]
    lines += ["", "Commandes d'exploitation :"]
    lines += [f"  {name:<22} {text}" for name, text in OPERATOR_COMMANDS.items()]
    lines += ["", "Toute autre commande de gestion de Django est aussi disponible."]
    print("\n".join(lines))


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _setup()
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print_help()
        return 0
    from django.core.management import execute_from_command_line, get_commands

    name = argv[0].replace("-", "_")
    if name not in get_commands():
        print(
            f"tremplin: commande inconnue « {argv[0]} ». Voir « tremplin --help ».", file=sys.stderr
        )
        return 2
    execute_from_command_line(["tremplin", name, *argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
