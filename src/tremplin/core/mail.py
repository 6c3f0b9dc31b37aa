"""E-mail goes out through the task worker.

Pages never wait on an SMTP server: the backend stores each message as a task and the worker
hands it to the real backend named by EMAIL_URL. Messages are kept in the task table only
until the periodic prune of finished tasks (see ``core/tasks.py``).
"""

from __future__ import annotations

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task


def _serialize(message) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [
                name,
                base64.b64encode(
                    content if isinstance(content, bytes) else str(content).encode()
                ).decode(),
                mimetype,
            ]
            for name, content, mimetype in message.attachments
            if isinstance(name, str)
        ],
    }


def deserialize(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


@task()
def send_email(data: dict) -> int:
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND)
    return connection.send_messages([deserialize(data)]) or 0


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        count = 0
        for message in email_messages:
            if not message.recipients():
                continue
            send_email.enqueue(_serialize(message))
            count += 1
        return count
