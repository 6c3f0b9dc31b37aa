from __future__ import annotations

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from tremplin.accounts.models import Business, BusinessLink, Role
from tremplin.accounts.services.businesses import EDITABLE_FIELDS
from tremplin.accounts.siret import normalize_siret, validate_siret
from tremplin.core.forms import ActivityField, CommuneField


def _plain_labels(form) -> None:
    """Visible labels only: placeholders vanish as one types and are often too pale to read."""
    for field in form.fields.values():
        field.widget.attrs.pop("placeholder", None)
    if "email" in form.fields:
        form.fields["email"].label = _("Adresse e-mail")
    if "login" in form.fields:
        form.fields["login"].label = _("Adresse e-mail")


class LoginForm(AllauthLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_labels(self)


class SignupForm(AllauthSignupForm):
    role = forms.ChoiceField(
        label=_("Vous êtes"),
        choices=[
            (Role.BUSINESS_OWNER.value, _("Chef d'entreprise, commerçant·e ou artisan·e")),
            (Role.JOB_SEEKER.value, _("En recherche d'emploi ou de formation")),
        ],
        widget=forms.RadioSelect,
        initial=Role.BUSINESS_OWNER.value,
    )

    field_order = ["role", "email", "password1", "password2"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _plain_labels(self)
        self.fields["email"].help_text = _(
            "Nous vous enverrons un lien pour confirmer cette adresse."
        )
        self.fields["password1"].help_text = _(
            "Au moins 12 caractères. Une phrase facile à retenir fait un bon mot de passe, par "
            "exemple « le marché ouvre à sept heures »."
        )


LINK_FIELDS = [
    ("link_shop", BusinessLink.Kind.SHOP),
    ("link_facebook", BusinessLink.Kind.FACEBOOK),
    ("link_instagram", BusinessLink.Kind.INSTAGRAM),
    ("link_linkedin", BusinessLink.Kind.LINKEDIN),
    ("link_mastodon", BusinessLink.Kind.MASTODON),
    ("link_other", BusinessLink.Kind.OTHER),
]


class BusinessForm(forms.ModelForm):
    siret = forms.CharField(
        label=_("Numéro SIRET"),
        required=False,
        max_length=20,
        help_text=_("Facultatif. 14 chiffres, sur votre avis de situation INSEE ou votre Kbis."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    naf_code = ActivityField()
    commune = CommuneField()
    website = forms.URLField(
        label=_("Site web"),
        required=False,
        assume_scheme="https",
        help_text=_("L'adresse de votre site, par exemple https://www.boulangerie-martin.fr"),
    )
    link_shop = forms.URLField(label=_("Boutique en ligne"), required=False, assume_scheme="https")
    link_facebook = forms.URLField(label="Facebook", required=False, assume_scheme="https")
    link_instagram = forms.URLField(label="Instagram", required=False, assume_scheme="https")
    link_linkedin = forms.URLField(label="LinkedIn", required=False, assume_scheme="https")
    link_mastodon = forms.URLField(label="Mastodon", required=False, assume_scheme="https")
    link_other = forms.URLField(label=_("Autre lien"), required=False, assume_scheme="https")

    class Meta:
        model = Business
        fields = EDITABLE_FIELDS
        widgets = {"sells_online": forms.RadioSelect, "size_band": forms.Select}
        help_texts = {
            "is_artisan": _(
                "Cochez si votre entreprise est immatriculée au répertoire des "
                "métiers (chambre de métiers et de l'artisanat)."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sells_online"].label = _("Vendez-vous en ligne ?")
        if self.instance.pk:
            self.initial["naf_code"] = self.instance.naf_code
            self.initial["commune"] = self.instance.commune
            for name, kind in LINK_FIELDS:
                link = next((lk for lk in self.instance.links.all() if lk.kind == kind), None)
                if link:
                    self.initial[name] = link.url

    def clean_siret(self):
        siret = normalize_siret(self.cleaned_data.get("siret") or "")
        if siret:
            validate_siret(siret)
        return siret or None

    def links(self) -> list[tuple[str, str]]:
        return [
            (kind, self.cleaned_data[name])
            for name, kind in LINK_FIELDS
            if self.cleaned_data.get(name)
        ]

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        # The service validates and saves; skip ModelForm's instance construction so that
        # an invalid form never touches the instance.
        pass


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Adresse e-mail du co-gérant"),
        help_text=_("Cette personne recevra un lien valable 14 jours."),
    )


class ProfileForm(forms.Form):
    first_name = forms.CharField(
        label=_("Prénom"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Nom"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    language = forms.ChoiceField(
        label=_("Langue des e-mails"), choices=[("fr", "Français"), ("en", "English")]
    )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe, pour confirmer"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Ce mot de passe n'est pas le bon."), code="password")
        return password


class FollowRequestForm(forms.Form):
    query = forms.CharField(
        label=_("SIRET de l'entreprise ou adresse e-mail d'un gérant"),
        max_length=254,
        help_text=_("Les gérants recevront votre demande et devront l'accepter."),
    )
