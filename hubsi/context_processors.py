from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def site(request):
    """Language switch links to the same page in each language, and the canonical URL."""
    full_path = request.get_full_path()
    current = get_language()
    alternates = [
        {
            "code": code,
            "name": name,
            "url": translate_url(full_path, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]
    return {
        "language_links": alternates,
        "canonical_url": settings.SITE_URL + request.path,
        "site_url": settings.SITE_URL,
    }
