"""Template pieces that other pages include: the dashboard's contact requests and the
"Save this search" link of the public lists."""

from django import template
from django.urls import reverse

from connections.models import ContactRequest, ListKind

register = template.Library()

# The list pages a search can be saved from, by their URL name.
SAVABLE_LISTS = {
    "innovations:innovation-list": ListKind.INNOVATIONS,
    "supporters:supporter-list": ListKind.SUPPORTERS,
    "funding:funding-list": ListKind.FUNDING,
    "supporters:space-list": ListKind.SPACES,
    "learning:offer-list": ListKind.LEARNING,
}
DASHBOARD_REQUESTS = 20  # the newest requests each way; older ones stay in the admin's history


@register.simple_tag(takes_context=True)
def save_search_url(context) -> str:
    """The link to save the current list's filters, or "" on a list that cannot be saved.

    The same for everyone (list pages are cached for anonymous visitors): a plain link to a
    page that asks to sign in."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    kind = SAVABLE_LISTS.get(match.view_name) if match else None
    if kind is None:
        return ""
    query = context.get("filters_querystring", "")
    url = f"{reverse('connections:new-saved-search')}?list={kind}"
    return f"{url}&{query}" if query else url


@register.inclusion_tag("connections/includes/dashboard_requests.html", takes_context=True)
def dashboard_contact_requests(context):
    user = context["request"].user
    received = ContactRequest.objects.for_recipient(user).for_dashboard()[:DASHBOARD_REQUESTS]
    sent = ContactRequest.objects.sent_by(user).for_dashboard()[:DASHBOARD_REQUESTS]
    return {"received": list(received), "sent": list(sent), "request": context["request"]}
