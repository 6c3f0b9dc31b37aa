"""People who sign in: business owners, job seekers, mediators and the territory's staff."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BUSINESS_OWNER = "business_owner", _("Chef d'entreprise")
    JOB_SEEKER = "job_seeker", _("En recherche d'emploi ou de formation")
    MEDIATOR = "mediator", _("Médiateur ou médiatrice numérique")
    STAFF = "staff", _("Équipe du territoire")


# Roles whose holders read other people's data: they must use a second factor.
SENSITIVE_ROLES = {Role.MEDIATOR, Role.STAFF}
SELF_SERVICE_ROLES = {Role.BUSINESS_OWNER, Role.JOB_SEEKER}


class UserQuerySet(models.QuerySet):
    def with_role(self, role: str) -> UserQuerySet:
        return self.filter(role=role)


class UserManager(BaseUserManager.from_queryset(UserQuerySet)):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, role=Role.STAFF)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField(_("adresse e-mail"), max_length=254, unique=True)
    first_name = models.CharField(_("prénom"), max_length=100, blank=True)
    last_name = models.CharField(_("nom"), max_length=100, blank=True)
    role = models.CharField(
        _("rôle"), max_length=20, choices=Role.choices, default=Role.BUSINESS_OWNER
    )
    language = models.CharField(
        _("langue des e-mails"),
        max_length=5,
        choices=[("fr", _("Français")), ("en", _("English"))],
        default="fr",
    )
    is_staff = models.BooleanField(_("accès à l'administration"), default=False)
    is_active = models.BooleanField(_("actif"), default=True)
    is_demo = models.BooleanField(_("compte de démonstration"), default=False, editable=False)
    date_joined = models.DateTimeField(_("inscription"), default=timezone.now)
    inactivity_warned_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("utilisateur")
        verbose_name_plural = _("utilisateurs")
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_user_email_ci"),
            models.CheckConstraint(
                condition=~models.Q(role="staff", is_staff=False),
                name="staff_role_has_admin_access",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def needs_second_factor(self) -> bool:
        return self.role in SENSITIVE_ROLES or self.is_staff or self.is_superuser

    @property
    def is_mediator(self) -> bool:
        return self.role == Role.MEDIATOR

    @property
    def is_business_owner(self) -> bool:
        return self.role == Role.BUSINESS_OWNER

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.first_name or self.email
