"""Writes of the publishing side of the jobs app."""

from .alerts import (
    digest_send,
    saved_search_create,
    saved_search_delete,
    saved_search_set_active,
    saved_search_unsubscribe,
    unsubscribe_token,
)
from .applications import (
    application_erase,
    application_move,
    application_pool_consent,
    application_submit,
    application_withdraw,
    can_manage,
    manages,
)
from .moderation import (
    offer_approve,
    offer_hide,
    offer_restore,
    report_create,
    reports_dismiss,
)
from .retention import retention_run

__all__ = [
    "application_erase",
    "application_move",
    "application_pool_consent",
    "application_submit",
    "application_withdraw",
    "can_manage",
    "digest_send",
    "manages",
    "offer_approve",
    "offer_hide",
    "offer_restore",
    "report_create",
    "reports_dismiss",
    "retention_run",
    "saved_search_create",
    "saved_search_delete",
    "saved_search_set_active",
    "saved_search_unsubscribe",
    "unsubscribe_token",
]
