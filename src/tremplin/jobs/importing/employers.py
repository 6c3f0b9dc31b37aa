"""Employers by SIRET or folded name, created as imports meet them."""

from __future__ import annotations

from tremplin.accounts.siret import siret_is_valid

from ..dedup import employer_key


class EmployerResolver:
    def __init__(self) -> None:
        from tremplin.jobs.models import Employer

        self.by_siret: dict[str, int] = {}
        self.by_key: dict[str, int] = {}
        self.names: dict[int, str] = {}  # as the database has them (for documents)
        self._remember(Employer.objects.values_list("id", "siret", "name_key", "name"))

    def _remember(self, rows) -> None:
        for pk, siret, key, name in rows:
            if siret:
                self.by_siret[siret] = pk
            if key not in self.by_key or not siret:
                self.by_key[key] = pk
            self.names[pk] = name

    def key(self, name: str, siret: str) -> tuple[str, str, str]:
        """(SIRET if valid, folded name, display name), or empty strings for no employer."""
        name = " ".join((name or "").split())[:200]
        siret = siret if siret and siret_is_valid(siret) else ""
        return siret, employer_key(name), name

    def known(self, siret: str, key: str) -> int | None:
        if siret and siret in self.by_siret:
            return self.by_siret[siret]
        return self.by_key.get(key) if key else None

    def create_missing(self, wanted: dict[tuple[str, str], str]) -> None:
        """Create the employers of ``{(siret, key): name}`` not known yet (races tolerated)."""
        from tremplin.jobs.models import Employer

        missing = {k: n for k, n in wanted.items() if k[1] and self.known(*k) is None}
        if not missing:
            return
        Employer.objects.bulk_create(
            [
                Employer(name=n, name_key=key, siret=siret or None)
                for (siret, key), n in missing.items()
            ],
            ignore_conflicts=True,
        )
        sirets = [s for s, _ in missing if s]
        keys = [k for _, k in missing]
        found = Employer.objects.filter(siret__in=sirets) | Employer.objects.filter(
            name_key__in=keys
        )
        self._remember(found.values_list("id", "siret", "name_key", "name"))
