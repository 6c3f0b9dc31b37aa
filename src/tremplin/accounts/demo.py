"""Demo data of the accounts app: documented logins for each role and a few hundred businesses
with realistic French trade names, spread over the territory's communes by population."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import yaml
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db.models import Q

from tremplin.accounts.models import Business, BusinessMembership, Follow, Role, User
from tremplin.accounts.services import business_create, follow_accept, follow_request, user_create
from tremplin.core.demo_loaders import DemoContext, demo_loader
from tremplin.core.models import Commune
from tremplin.core.normalize import fold

DOMAIN = "demo.tremplin.invalid"
PASSWORD = "demo-tremplin-2026"  # noqa: S105 - documented demo password
BUSINESS_COUNT = 300

DEMO_USERS = [
    # (email local part, role, first name, last name)
    ("equipe", Role.STAFF, "Claire", "Valette"),
    ("mediatrice", Role.MEDIATOR, "Samia", "Benali"),
    ("mediateur", Role.MEDIATOR, "Julien", "Chassagne"),
    ("boulangerie", Role.BUSINESS_OWNER, "Nathalie", "Fayolle"),
    ("garage", Role.BUSINESS_OWNER, "Karim", "Mansouri"),
    ("fleuriste", Role.BUSINESS_OWNER, "Léa", "Perret"),
    ("emploi", Role.JOB_SEEKER, "Thomas", "Girardon"),
    ("formation", Role.JOB_SEEKER, "Inès", "Delorme"),
]
OWNED = {"boulangerie": "10.71C", "garage": "45.20A", "fleuriste": "47.76Z"}


def demo_totp_secret(email: str, seed: int) -> str:
    """A deterministic TOTP secret for a demo account (never used for real accounts)."""
    digest = hashlib.sha256(f"tremplin-demo:{seed}:{email}".encode()).digest()[:20]
    return base64.b32encode(digest).decode()


def _ensure_user(context, email, role, first, last, password) -> tuple[User, bool]:
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        user = user_create(
            email=email,
            password=password,
            role=role,
            first_name=first,
            last_name=last,
            is_demo=True,
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if (
        user.needs_second_factor
        and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    ):
        TOTP.activate(user, demo_totp_secret(email, context.seed))
    return user, created


def _patterns():
    path = Path(__file__).parent / "data" / "demo_businesses.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _weighted_communes(context):
    communes = list(
        Commune.objects.filter(insee__in=context.territory.insee_codes, kind="COM")
        .select_related("department")
        .order_by("insee")
    )
    return communes, [max(c.population, 50) for c in communes]


def _trade_name(rng, trade, data, commune) -> tuple[str, str, str]:
    surname = rng.choice(data["surnames"])
    first = rng.choice(data["first_names"])
    name = rng.choice(trade["names"]).format(
        surname=surname, first_name=first, commune=commune.name
    )
    return name, first, surname


@demo_loader(name="accounts.users", order=10)
def load_users(context: DemoContext) -> str:
    created = 0
    for local, role, first, last in DEMO_USERS:
        email = f"{local}@{DOMAIN}"
        _user, new = _ensure_user(context, email, role, first, last, PASSWORD)
        created += new
        context.logins.append((str(role.label), email, PASSWORD))
    return f"{len(DEMO_USERS)} comptes documentés ({created} créés)"


@demo_loader(name="accounts.businesses", order=20)
def load_businesses(context: DemoContext) -> str:
    rng = context.rng("accounts.businesses")
    data = _patterns()
    trades = data["trades"]
    communes, weights = _weighted_communes(context)
    if not communes:
        return "aucune commune dans le territoire"
    created = 0
    plans = []
    for index in range(BUSINESS_COUNT):
        trade = rng.choices(trades, weights=[t["weight"] for t in trades])[0]
        commune = rng.choices(communes, weights=weights)[0]
        name, first, surname = _trade_name(rng, trade, data, commune)
        plans.append(
            (
                index,
                trade,
                commune,
                name,
                first,
                surname,
                rng.random(),
                rng.random(),
                rng.choices(
                    ["0", "1-2", "3-5", "6-9", "10-19", "20-49"], weights=[45, 25, 14, 8, 5, 3]
                )[0],
            )
        )
    existing = set(Business.objects.filter(is_demo=True).values_list("name", "commune_id"))
    for index, trade, commune, name, first, surname, r_artisan, r_online, size in plans:
        local = f"{fold(first).replace(' ', '')}.{fold(surname).replace(' ', '-')}.{index}"
        email = f"{local}@{DOMAIN}"
        if (name, commune.pk) in existing and User.objects.filter(email=email).exists():
            continue
        owner, _new = _ensure_user(context, email, Role.BUSINESS_OWNER, first, surname, None)
        if BusinessMembership.objects.filter(user=owner).exists():
            continue
        online = trade["online"]
        sells = (
            "no"
            if r_online * 100 < online[0]
            else ("partly" if r_online * 100 < online[0] + online[1] else "yes")
        )
        business_create(
            owner=owner,
            name=name,
            naf_code=trade["naf"],
            is_artisan=r_artisan < trade["artisan"],
            commune=commune,
            size_band=size,
            sells_online=sells,
            website="",
            siret=None,
            is_demo=True,
        )
        created += 1
    # The documented owners get a business of their own, in the biggest communes.
    biggest = sorted(communes, key=lambda c: -c.population)[:3]
    for (local, naf_code), commune in zip(OWNED.items(), biggest, strict=False):
        owner = User.objects.get(email=f"{local}@{DOMAIN}")
        if BusinessMembership.objects.filter(user=owner).exists():
            continue
        trade = next(t for t in trades if t["naf"] == naf_code)
        business_create(
            owner=owner,
            name=trade["names"][0].format(
                surname=owner.last_name, first_name=owner.first_name, commune=commune.name
            ),
            naf_code=naf_code,
            is_artisan=trade["artisan"] > 0.5,
            commune=commune,
            size_band="1-2",
            sells_online="partly",
            website="",
            siret=None,
            is_demo=True,
        )
        created += 1
    total = Business.objects.filter(is_demo=True).count()
    return f"{total} entreprises ({created} créées)"


@demo_loader(name="accounts.follows", order=30)
def load_follows(context: DemoContext) -> str:
    """The first mediator follows two documented owners' businesses (consented)."""
    mediator = User.objects.filter(email=f"mediatrice@{DOMAIN}").first()
    if mediator is None:
        return "pas de médiatrice"
    made = 0
    for local in ("boulangerie", "fleuriste"):
        owner = User.objects.get(email=f"{local}@{DOMAIN}")
        business = Business.objects.owned_by(owner).first()
        if (
            business is None
            or Follow.objects.filter(
                Q(status__in=["pending", "active"]), mediator=mediator, business=business
            ).exists()
        ):
            continue
        follow = follow_request(mediator=mediator, business=business)
        if local == "boulangerie":
            follow_accept(owner=owner, follow=follow)
        made += 1
    return f"{made} accompagnements créés"
