"""Writes of the accounts app. Other apps call these; they never write accounts' models."""

from .businesses import (
    business_create,
    business_invitation_accept,
    business_invite,
    business_leave,
    business_update,
)
from .follows import follow_accept, follow_end, follow_refuse, follow_request
from .journal import access_journal_purge, access_record
from .users import account_delete, user_create, user_set_role, user_update_profile

__all__ = [
    "access_journal_purge",
    "access_record",
    "account_delete",
    "business_create",
    "business_invitation_accept",
    "business_invite",
    "business_leave",
    "business_update",
    "follow_accept",
    "follow_end",
    "follow_refuse",
    "follow_request",
    "user_create",
    "user_set_role",
    "user_update_profile",
]
