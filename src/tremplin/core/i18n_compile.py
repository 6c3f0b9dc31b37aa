"""Compile the translation catalogues with polib, so that no machine needs GNU gettext to run.

``python -m tremplin.core.i18n_compile``          compile every .po file of the package
``python -m tremplin.core.i18n_compile --check``  also fail if an entry is untranslated or fuzzy
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parent.parent


def catalogues() -> list[Path]:
    return sorted(PACKAGE.rglob("locale/*/LC_MESSAGES/*.po"))


def untranslated(path: Path) -> list[str]:
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    missing += [f"(fuzzy) {entry.msgid}" for entry in catalogue.fuzzy_entries()]
    return missing


def compile_all() -> int:
    for path in catalogues():
        polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))
    return len(catalogues())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    count = compile_all()
    print(f"{count} catalogue(s) compilé(s).")
    if args.check:
        problems = {path: untranslated(path) for path in catalogues()}
        problems = {path: items for path, items in problems.items() if items}
        for path, items in problems.items():
            print(f"{path}: {len(items)} entrée(s) non traduite(s)", file=sys.stderr)
            for item in items[:20]:
                print(f"  - {item[:100]}", file=sys.stderr)
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
