from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _

from tremplin.accounts import personal_data
from tremplin.accounts.models import Role, User
from tremplin.core.errors import DomainError
from tremplin.core.services import stat_increment

STAFF_GROUP = "Équipe du territoire"
# What the territory's staff may do in the back office. Deleting people is not among them:
# people delete their own account, and the platform's purges do the rest.
STAFF_PERMISSIONS = [
    ("accounts", "view_user"),
    ("accounts", "change_user"),
    ("accounts", "view_business"),
    ("accounts", "change_business"),
    ("accounts", "view_follow"),
    ("accounts", "view_accesslogentry"),
    ("core", "view_sitebranding"),
    ("core", "change_sitebranding"),
    ("core", "view_commune"),
    ("core", "view_dailystat"),
    ("core", "view_periodicrun"),
]


def staff_group() -> Group:
    group, _created = Group.objects.get_or_create(name=STAFF_GROUP)
    wanted = Permission.objects.filter(
        content_type__app_label__in={app for app, _codename in STAFF_PERMISSIONS},
        codename__in={codename for _app, codename in STAFF_PERMISSIONS},
    )
    group.permissions.add(*wanted)
    return group


def staff_permissions_add(perms: list[tuple[str, str]]) -> None:
    """Later apps widen the staff group with the permissions their back office needs."""
    STAFF_PERMISSIONS.extend(p for p in perms if p not in STAFF_PERMISSIONS)


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    role: str = Role.BUSINESS_OWNER,
    first_name: str = "",
    last_name: str = "",
    is_demo: bool = False,
) -> User:
    if User.objects.filter(email__iexact=email).exists():
        raise DomainError(_("Un compte existe déjà avec cette adresse e-mail."), code="exists")
    user = User.objects.create_user(
        email=email,
        password=password,
        role=role,
        first_name=first_name,
        last_name=last_name,
        is_demo=is_demo,
        is_staff=role == Role.STAFF,
    )
    if role == Role.STAFF:
        user.groups.add(staff_group())
    stat_increment("accounts.signup", role)
    return user


@transaction.atomic
def user_set_role(*, user: User, role: str) -> User:
    """Change someone's role; staff get back-office access and the staff group, others lose it."""
    if role not in Role.values:
        raise DomainError(_("Rôle inconnu."), code="role")
    user.role = role
    user.is_staff = role == Role.STAFF or user.is_superuser
    user.save(update_fields=["role", "is_staff"])
    group = staff_group()
    if role == Role.STAFF:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    return user


@transaction.atomic
def user_update_profile(*, user: User, first_name: str, last_name: str, language: str) -> User:
    user.first_name = first_name.strip()
    user.last_name = last_name.strip()
    user.language = language
    user.save(update_fields=["first_name", "last_name", "language"])
    return user


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase a person: each app's eraser first (in order), then the account itself.

    Anonymous daily counters (core.DailyStat) are kept; the access journal keeps its entries
    about the person, which name nobody once the account is gone, until its own retention ends.
    """
    if user.is_superuser and User.objects.filter(is_superuser=True).count() == 1:
        raise DomainError(
            _(
                "Ce compte est le dernier compte d'administration : créez-en un autre avant de le "
                "supprimer."
            ),
            code="last_superuser",
        )
    for _order, _key, eraser in personal_data.erasers():
        eraser(user)
    stat_increment("accounts.deleted", user.role)
    user.delete()
