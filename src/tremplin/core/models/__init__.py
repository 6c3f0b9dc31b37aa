from .booking import SeatBooking, SeatPool
from .branding import SiteBranding
from .geography import Commune, Department, Epci, PostalCode, Region
from .scheduling import PeriodicRun
from .search import SearchChange
from .stats import DailyStat

__all__ = [
    "Commune",
    "DailyStat",
    "Department",
    "Epci",
    "PeriodicRun",
    "PostalCode",
    "Region",
    "SearchChange",
    "SeatBooking",
    "SeatPool",
    "SiteBranding",
]
