"""The access journal is append-only and records staff reads in the back office."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from tremplin.accounts.models import AccessLogEntry
from tremplin.accounts.models.journal import AppendOnlyError
from tremplin.accounts.services import access_journal_purge, access_record


@pytest.mark.django_db
def test_entries_cannot_be_changed_or_deleted(staff, owner):
    entry = access_record(actor=staff, subject=owner, obj=owner, reason="test")
    entry.reason = "autre"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.update(reason="x")
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()
    assert AccessLogEntry.objects.get().reason == "test"


@pytest.mark.django_db
def test_reading_ones_own_data_is_not_journaled(owner):
    assert access_record(actor=owner, subject=owner, obj=owner, reason="moi") is None
    assert not AccessLogEntry.objects.exists()


@pytest.mark.django_db
def test_only_old_entries_are_purged(staff, owner, settings):
    access_record(actor=staff, subject=owner, obj=owner, reason="récent")
    old = access_record(actor=staff, subject=owner, obj=owner, reason="ancien")
    AccessLogEntry.objects.filter(pk=old.pk)._raw_delete  # noqa: B018 - documents the escape hatch
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE accounts_accesslogentry SET at = %s WHERE id = %s",
            [timezone.now() - timezone.timedelta(days=400), old.pk],
        )
    assert access_journal_purge() == 1
    assert list(AccessLogEntry.objects.values_list("reason", flat=True)) == ["récent"]


@pytest.mark.django_db
def test_staff_opening_a_person_in_the_back_office_is_journaled(client, staff, owner, business):
    client.force_login(staff)
    assert client.get(f"/admin/accounts/user/{owner.pk}/change/").status_code == 200
    assert client.get(f"/admin/accounts/business/{business.pk}/change/").status_code == 200
    entries = AccessLogEntry.objects.about(owner)
    assert entries.count() == 2
    assert {e.object_type for e in entries} == {"accounts.User", "accounts.Business"}
    client.get("/admin/accounts/user/?role__exact=business_owner")
    listing = AccessLogEntry.objects.filter(action="list").get()
    assert "role__exact=business_owner" in listing.reason


@pytest.mark.django_db
def test_staff_back_office_has_filters_and_search(client, staff, business):
    client.force_login(staff)
    page = client.get("/admin/accounts/business/", {"q": business.name[:8], "section": "C"})
    assert page.status_code == 200
    assert business.name in page.content.decode()
    assert client.get("/admin/accounts/user/", {"role__exact": "mediator"}).status_code == 200


@pytest.mark.django_db
def test_people_without_staff_role_have_no_back_office(client, owner, mediator):
    for user in (owner, mediator):
        client.force_login(user)
        assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_role_change_in_back_office_grants_and_removes_staff_access(client, staff):
    person = UserFactory(role="job_seeker")
    client.force_login(staff)
    data = {
        "email": person.email,
        "first_name": "A",
        "last_name": "B",
        "role": "staff",
        "language": "fr",
        "is_active": "on",
    }
    assert client.post(f"/admin/accounts/user/{person.pk}/change/", data).status_code == 302
    person.refresh_from_db()
    assert person.is_staff and person.groups.filter(name="Équipe du territoire").exists()
    data["role"] = "mediator"
    client.post(f"/admin/accounts/user/{person.pk}/change/", data)
    person.refresh_from_db()
    assert not person.is_staff and not person.groups.exists()
