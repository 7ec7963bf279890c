"""Every email leaves through a background task.

`EMAIL_BACKEND` is `TaskEmailBackend`: sending a message (ours, allauth's, the digests) only
enqueues `deliver_email` with the message as plain data, so a request never waits for the mail
server and a failure is retried (hubsi/tasks.py). The task hands the message to the real
backend, `EMAIL_DELIVERY_BACKEND` (SMTP in production, the console or a file in development),
read from `EMAIL_URL`. With the database backend the message is queued in the same
transaction as the change that caused it: a change that rolls back sends nothing.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import TaskContext, task

from hubsi.tasks import retry_later


def serialize(message: EmailMultiAlternatives) -> dict:
    """A message as JSON-ready data (attachments are not used on this platform)."""
    if message.attachments:
        raise ValueError("Messages with attachments cannot be queued.")
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
    return message


@task(takes_context=True)
def deliver_email(context: TaskContext, message: dict, attempt: int = 1) -> None:
    """Send one queued message through the delivery backend."""
    try:
        connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
        connection.send_messages([deserialize(message)])
    except Exception as error:
        retry_later(context, error, message, attempt=attempt)
        raise


class TaskEmailBackend(BaseEmailBackend):
    """Queues each message as a `deliver_email` task instead of sending it."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            deliver_email.enqueue(serialize(message))
        return len(email_messages)
