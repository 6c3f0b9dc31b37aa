"""What the jobs app holds about people (see accounts/personal_data.py).

Offers, employers and trainings are what employers and training bodies publish for everyone to
read: no personal data is taken from the sources (contact names and telephone numbers in the
feeds are not imported). Personal data of job seekers and employers' staff (applications, saved
searches, reports) are declared next to the models that hold them.
"""

from django.utils.translation import gettext_lazy as _

from tremplin.accounts import personal_data as pd

for label, reason in {
    "jobs.RomeCode": _("référentiel public des métiers (ROME)"),
    "jobs.RomeAppellation": _("référentiel public des métiers (ROME)"),
    "jobs.Employer": _(
        "employeurs tels que les offres publiques les nomment (nom, SIRET), sans personne"
    ),
    "jobs.JobOffer": _("offres d'emploi publiques, sans les contacts des sources"),
    "jobs.JobListing": _("adresse et identifiant publics de l'offre chez sa source"),
    "jobs.TrainingOffer": _("offres de formation publiques, sans les contacts des sources"),
    "jobs.TrainingRome": _("métiers préparés par une formation"),
    "jobs.TrainingSession": _("dates des sessions de formation"),
    "jobs.TrainingListing": _("adresse et identifiant publics de la formation chez sa source"),
    "jobs.OfferSource": _("flux d'offres configurés par l'équipe du territoire"),
    "jobs.ImportRun": _("compte rendu technique des imports, sans donnée personnelle"),
}.items():
    pd.model_exempt(label, reason)
