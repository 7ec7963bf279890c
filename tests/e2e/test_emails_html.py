"""The HTML part of every email is valid HTML (W3C Nu HTML Checker) in both languages."""

import pytest
from django.conf import settings

from front.email_previews import EXAMPLES
from hubsi.emails import render_email

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


def test_every_email_is_valid_html(assert_valid_html):
    pages = {}
    for name, (_purpose, context) in EXAMPLES.items():
        for code, _label in settings.LANGUAGES:
            _subject, _text, html = render_email(name, context(), code)
            pages[f"{name}-{code}"] = html.encode()
    assert_valid_html(pages)
