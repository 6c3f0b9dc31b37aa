from .base import OfferQuerySet
from .choices import (
    ROME_DOMAINS,
    ContractType,
    Funding,
    OfferKind,
    Remote,
    SalaryPeriod,
    SourceFormat,
    Status,
    TeachingMode,
    WorkingTime,
)
from .employers import Employer
from .offers import JobListing, JobOffer

# The publishing side (applications, saved searches, reports, moderation journal).
from .publishing import (  # noqa: F401
    Application,
    ModeratedOffer,
    ModerationDecision,
    OfferReport,
    SavedSearch,
)
from .rome import RomeAppellation, RomeCode
from .sources import ImportRun, OfferSource
from .trainings import (
    TrainingListing,
    TrainingOffer,
    TrainingRome,
    TrainingSession,
)

__all__ = [
    "ROME_DOMAINS",
    "ContractType",
    "Employer",
    "Funding",
    "ImportRun",
    "JobListing",
    "JobOffer",
    "OfferKind",
    "OfferQuerySet",
    "OfferSource",
    "Remote",
    "RomeAppellation",
    "RomeCode",
    "SalaryPeriod",
    "SourceFormat",
    "Status",
    "TeachingMode",
    "TrainingListing",
    "TrainingOffer",
    "TrainingRome",
    "TrainingSession",
    "WorkingTime",
]
