from .branding import SiteBranding
from .geography import Commune, Department, Epci, PostalCode, Region
from .scheduling import PeriodicRun
from .stats import DailyStat

__all__ = [
    "Commune",
    "DailyStat",
    "Department",
    "Epci",
    "PeriodicRun",
    "PostalCode",
    "Region",
    "SiteBranding",
]
