"""Demo diagnostics: a few hundred results over the demo businesses and the last fourteen
months (enough for the territory's statistics to show, with small groups hidden), plus the
documented owners' own: the bakery with two results (the second filled in with the mediator),
the florist with one, the garage half-way through.

Built on the services; every random draw is made before anything is skipped, so that running
it again changes and duplicates nothing.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import timedelta

from django.utils import timezone

from tremplin.accounts.models import Business, User
from tremplin.core.demo_loaders import DemoContext, demo_loader
from tremplin.diagnostic import conf, selectors, services
from tremplin.diagnostic.models import Diagnostic
from tremplin.diagnostic.questionnaire import SELLS_ONLINE_QUESTION
from tremplin.diagnostic.sectors import sector_for_business

DOMAIN = "demo.tremplin.invalid"
ANONYMOUS_COUNT = 40
DOCUMENTED = ("boulangerie", "garage", "fleuriste")


def demo_answers(questionnaire, sector: str, maturity: float, rng, sells_online: str = ""):
    """Plausible answers for a business of this maturity (0–1): better answers as it grows."""
    answers = {}
    for question in questionnaire.questions_for(sector):
        if question.key == SELLS_ONLINE_QUESTION and sells_online:
            answers[question.key] = [sells_online]
            continue
        if question.is_multiple:
            plain = [a for a in question.answers if not a.exclusive]
            picked = [a.key for a in plain if rng.random() < 0.05 + 0.8 * maturity]
            exclusive = next(a.key for a in question.answers if a.exclusive)
            answers[question.key] = picked or [exclusive]
            continue
        options = [a for a in question.answers if a.key != "dont_know"]
        if len(options) < len(question.answers) and rng.random() < 0.05:
            answers[question.key] = ["dont_know"]
            continue
        target = maturity * (len(options) - 1) + rng.gauss(0, 0.8)
        index = min(len(options) - 1, max(0, round(target)))
        answers[question.key] = [options[index].key]
    return answers


def _take(*, actor, version, business, answers, sector, when, **extra) -> Diagnostic:
    diagnostic, _token = services.diagnostic_start(
        actor=actor,
        version=version,
        sector=sector,
        business=business,
        now=when - timedelta(minutes=9),
        **extra,
    )
    services.diagnostic_save_answers(diagnostic=diagnostic, answers=answers, now=when)
    return services.diagnostic_complete(diagnostic=diagnostic, now=when)


def _token(seed: int, index: int) -> str:
    digest = hashlib.sha256(f"tremplin-demo-diagnostic:{seed}:{index}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _owner(business):
    return business.memberships.select_related("user").order_by("pk").first().user


@demo_loader(name="diagnostic.results", order=70)
def load_results(context: DemoContext) -> str:
    rng = context.rng("diagnostic.results")
    version = selectors.version_current()
    questionnaire = version.questionnaire
    now = timezone.now().replace(hour=10, minute=0, second=0, microsecond=0)
    documented = {f"{local}@{DOMAIN}" for local in DOCUMENTED}
    # The documented owners' businesses get their own, described results (_documented). Their
    # ids are read first: an exclusion across memberships as a subquery made PostgreSQL scan
    # the memberships once per business on freshly loaded, not yet analysed tables.
    documented_ids = set(
        Business.objects.filter(memberships__user__email__in=documented).values_list(
            "pk", flat=True
        )
    )
    businesses = list(
        Business.objects.filter(is_demo=True)
        .exclude(pk__in=documented_ids)
        .select_related("commune__department")
        .order_by("name", "commune__insee", "pk")
    )
    plans = []
    for business in businesses:
        draw = rng.random()
        takes = 0 if draw < 0.12 else (2 if draw > 0.78 else 1)
        bonus = {"yes": 0.2, "partly": 0.1}.get(business.sells_online, 0.0)
        maturity = min(0.95, rng.betavariate(2, 2.8) + bonus)
        first_day = rng.randint(40, 420)
        second_day = max(3, first_day - rng.randint(90, 240))
        sector = sector_for_business(business)
        runs = []
        for number, days in enumerate([first_day, second_day][:takes]):
            level = min(0.98, maturity + 0.12 * number)
            answers = demo_answers(questionnaire, sector, level, rng, business.sells_online)
            runs.append((answers, now - timedelta(days=days, minutes=rng.randint(0, 480))))
        plans.append((business, sector, runs))
    created = 0
    for business, sector, runs in plans:
        if not runs or business.diagnostics.exists():
            continue
        owner = _owner(business)
        for answers, when in runs:
            _take(
                actor=owner,
                version=version,
                business=business,
                answers=answers,
                sector=sector,
                when=when,
            )
            created += 1
    created += _anonymous(context, rng, version, now)
    created += _documented(version, now, rng)
    total = Diagnostic.objects.completed().count()
    return f"{total} diagnostics terminés ({created} créés)"


def _anonymous(context, rng, version, now) -> int:
    questionnaire = version.questionnaire
    departments = list(context.territory.department_codes) or [""]
    sizes = ["", "0", "1-2", "3-5", "6-9"]
    made = 0
    for index in range(ANONYMOUS_COUNT):
        sector = rng.choice([s.key for s in questionnaire.sectors[:3]])
        department = rng.choice([*departments, ""])
        size = rng.choice(sizes)
        maturity = rng.betavariate(2, 3)
        answers = demo_answers(questionnaire, sector, maturity, rng)
        # Within the retention period: the daily purge must not delete demo results at once.
        when = now - timedelta(days=rng.randint(5, max(6, conf.anonymous_retention_days() - 5)))
        token = _token(context.seed, index)
        if Diagnostic.objects.filter(token_hash=services.token_hash(token)).exists():
            continue
        diagnostic = Diagnostic.objects.create(
            version=version,
            token_hash=services.token_hash(token),
            sector=sector,
            department_code=department,
            size_band=size,
            started_at=when - timedelta(minutes=10),
            updated_at=when,
        )
        services.diagnostic_save_answers(diagnostic=diagnostic, answers=answers, now=when)
        services.diagnostic_complete(diagnostic=diagnostic, now=when)
        made += 1
    return made


def _documented(version, now, rng) -> int:
    """The documented owners: what a visitor of the demo finds in their « Mon espace »."""
    questionnaire = version.questionnaire
    made = 0
    baker = User.objects.filter(email=f"boulangerie@{DOMAIN}").first()
    mediator = User.objects.filter(email=f"mediatrice@{DOMAIN}").first()
    bakery = Business.objects.owned_by(baker).first() if baker else None
    first = demo_answers(questionnaire, "commerce", 0.25, rng, "partly")
    second = demo_answers(questionnaire, "commerce", 0.45, rng, "partly")
    if bakery and mediator and not bakery.diagnostics.exists():
        sector = sector_for_business(bakery)
        _take(
            actor=baker,
            version=version,
            business=bakery,
            answers=first,
            sector=sector,
            when=now - timedelta(days=270),
        )
        # The second one filled in with the mediator who follows the bakery (consented; the
        # follow-up starts the day the demo is built, so this one is from today).
        _take(
            actor=mediator,
            version=version,
            business=bakery,
            answers=second,
            sector=sector,
            when=timezone.now() - timedelta(minutes=30),
        )
        made += 2
    florist = User.objects.filter(email=f"fleuriste@{DOMAIN}").first()
    shop = Business.objects.owned_by(florist).first() if florist else None
    flowers = demo_answers(questionnaire, "commerce", 0.55, rng, "partly")
    if shop and not shop.diagnostics.exists():
        _take(
            actor=florist,
            version=version,
            business=shop,
            answers=flowers,
            sector=sector_for_business(shop),
            when=now - timedelta(days=60),
        )
        made += 1
    garage_owner = User.objects.filter(email=f"garage@{DOMAIN}").first()
    garage = Business.objects.owned_by(garage_owner).first() if garage_owner else None
    sector = sector_for_business(garage) if garage else "services"
    answers = demo_answers(questionnaire, sector, 0.4, rng)
    if garage and not garage.diagnostics.exists():
        first_steps = {d.key for d in questionnaire.dimensions[:3]}
        partial = {
            k: v for k, v in answers.items() if questionnaire.dimension_of(k).key in first_steps
        }
        diagnostic, _token = services.diagnostic_start(
            actor=garage_owner,
            version=version,
            sector=sector,
            business=garage,
            now=now - timedelta(days=2),
        )
        services.diagnostic_save_answers(
            diagnostic=diagnostic, answers=partial, now=now - timedelta(days=2)
        )
    return made
