"""E-mail leaves through the task worker."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import override_settings


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="tremplin.core.mail.QueuedEmailBackend")
def test_messages_are_queued_then_sent_by_the_worker(run_tasks):
    message = EmailMultiAlternatives("Objet", "Corps", "a@exemple.fr", ["b@exemple.fr"])
    message.attach_alternative("<p>Corps</p>", "text/html")
    message.attach("note.txt", b"contenu", "text/plain")
    assert message.send() == 1
    assert mail.outbox == []  # nothing sent during the request
    assert run_tasks() == 1
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.subject == "Objet" and sent.to == ["b@exemple.fr"]
    assert sent.alternatives[0][0] == "<p>Corps</p>"
    assert sent.attachments[0][0] == "note.txt"
    assert sent.attachments[0][1] == "contenu"  # Django decodes text attachments
