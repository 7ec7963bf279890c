from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_templated_mail(name: str, recipients: list[str], context: dict) -> None:
    """Render templates/emails/<name>_subject.txt and <name>_body.txt and send one message.

    Each recipient gets their own message so that no address is shown to another person.
    """
    context = {"site_url": settings.SITE_URL, **context}
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    body = render_to_string(f"emails/{name}_body.txt", context)
    for recipient in recipients:
        EmailMultiAlternatives(subject=subject, body=body, to=[recipient]).send()
