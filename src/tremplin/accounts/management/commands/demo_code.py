from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.core.management.base import BaseCommand, CommandError

from tremplin.accounts.models import User


class Command(BaseCommand):
    help = "Affiche le code à usage unique d'un compte de démonstration (médiation, équipe)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="adresse d'un compte de démonstration")

    def handle(self, *args, email, **options):
        import time

        from allauth.mfa import app_settings

        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"aucun compte « {email} »")
        if not user.is_demo:
            raise CommandError("cette commande ne sert que pour les comptes de démonstration")
        authenticator = Authenticator.objects.filter(
            user=user, type=Authenticator.Type.TOTP
        ).first()
        if authenticator is None:
            raise CommandError("ce compte n'a pas de validation en deux étapes")
        secret = decrypt(authenticator.data["secret"])
        now = int(time.time())
        counter = now // app_settings.TOTP_PERIOD
        remaining = app_settings.TOTP_PERIOD - now % app_settings.TOTP_PERIOD
        self.stdout.write(format_hotp_value(hotp_value(secret, counter)))
        self.stderr.write(
            f"(valable encore {remaining} s ; secret à ajouter dans une application "
            f"d'authentification : {secret})"
        )
