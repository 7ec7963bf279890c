"""Email from templates: plain text and HTML, in each recipient's own language.

Each mail has `templates/emails/<name>_subject.txt` and `<name>_body.txt`. The HTML part is the
same text in `templates/emails/base.html` (a readable layout without images or anything
remote): paragraphs, `== headings ==` and `- lists` of the text become HTML, addresses become
links. So the two parts always say the same, and a mail is written once. Sending queues it
(hubsi/mail.py).
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html, format_html_join, urlize
from django.utils.safestring import SafeString, mark_safe

HEADING = re.compile(r"^== (.+) ==$")


def languages_of(addresses: list[str]) -> dict[str, str]:
    """Each address's preferred language (the account's), the site's default for others."""
    known = dict(
        get_user_model().objects.filter(email__in=addresses).values_list("email", "language")
    )
    return {address: known.get(address) or settings.LANGUAGE_CODE for address in addresses}


def render_email(name: str, context: dict, language: str) -> tuple[str, str, str]:
    """Subject, text and HTML of one mail, rendered in `language`."""
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, "language": language, **context}
        subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
        text = render_to_string(f"emails/{name}_body.txt", context)
    return subject, text, html_version(subject, text, language)


def html_version(subject: str, text: str, language: str) -> str:
    """The HTML part of a mail whose plain text is `text`."""
    return render_to_string(
        "emails/base.html",
        {
            "subject": subject,
            "body": text_to_html(text),
            "language": language,
            "site_url": settings.SITE_URL,
        },
    )


def text_to_html(text: str) -> SafeString:
    """The plain text of a mail as HTML: `== headings ==`, `- lists` (an item goes on in
    indented lines) and paragraphs (blank lines between them), every address a link."""
    html, paragraph, items = [], [], []

    def close() -> None:
        if paragraph:
            html.append(format_html("<p>{}</p>", _linked(paragraph)))
            paragraph.clear()
        if items:
            html.append(
                format_html(
                    "<ul>{}</ul>",
                    format_html_join("", "<li>{}</li>", ((_linked(item),) for item in items)),
                )
            )
            items.clear()

    for line in text.strip().splitlines():
        stripped = line.strip()
        if heading := HEADING.match(stripped):
            close()
            html.append(format_html("<h2>{}</h2>", heading[1]))
        elif stripped.startswith("- "):
            if paragraph:
                close()
            items.append([stripped.removeprefix("- ")])
        elif not stripped:
            close()
        elif items and line.startswith(" "):
            items[-1].append(stripped)
        else:
            if items:
                close()
            paragraph.append(stripped)
    close()
    return mark_safe("\n".join(html))  # noqa: S308 (every piece is escaped above)


def _linked(lines: list[str]) -> SafeString:
    linked = (urlize(line, autoescape=True) for line in lines)
    return mark_safe("<br>\n".join(linked))  # noqa: S308 (urlize escaped each line)


def send_templated_mail(
    name: str, recipients: list[str], context: dict, *, headers: dict | None = None
) -> None:
    """Render and send one message per recipient, in the recipient's language.

    Each recipient gets their own message so that no address is shown to another person.
    """
    for address, language in languages_of(list(recipients)).items():
        subject, text, html = render_email(name, context, language)
        message = EmailMultiAlternatives(subject=subject, body=text, to=[address], headers=headers)
        message.attach_alternative(html, "text/html")
        message.send()
