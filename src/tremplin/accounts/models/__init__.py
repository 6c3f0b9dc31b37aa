from .business import Business, BusinessInvitation, BusinessLink, BusinessMembership
from .follow import Follow
from .journal import AccessLogEntry
from .user import Role, User

__all__ = [
    "AccessLogEntry",
    "Business",
    "BusinessInvitation",
    "BusinessLink",
    "BusinessMembership",
    "Follow",
    "Role",
    "User",
]
