"""factory_boy factories for the platform's models (Traits rather than subclasses)."""

from __future__ import annotations

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP
from django.utils import timezone

from tremplin.accounts.models import Business, BusinessMembership, Follow, User

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"personne{n}@exemple.fr")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    role = "business_owner"
    is_staff = factory.LazyAttribute(lambda o: o.role == "staff")
    last_login = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.set_password(extracted or "mot de passe de test solide")
        if create:
            obj.save(update_fields=["password"])

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """A confirmed e-mail address, unless ``verified=False``."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)

    @factory.post_generation
    def totp(obj, create, extracted, **kwargs):
        """``totp=True``: a second factor with the known test secret."""
        if create and extracted:
            TOTP.activate(obj, TOTP_SECRET)


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Boulangerie numéro {n}")
    naf_code = "10.71C"
    naf_section = "C"
    size_band = "1-2"
    sells_online = "no"

    @factory.post_generation
    def owners(obj, create, extracted, **kwargs):
        for user in extracted or []:
            BusinessMembership.objects.create(user=user, business=obj)


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Follow

    status = "pending"

    class Params:
        active = factory.Trait(
            status="active",
            consented_at=factory.LazyFunction(timezone.now),
            started_on=factory.LazyFunction(timezone.localdate),
        )
