from django import template
from django.forms import BoundField

register = template.Library()


@register.filter
def without_placeholder(field: BoundField) -> BoundField:
    """Drop allauth's placeholders: they repeat the label and vanish as soon as people type."""
    field.field.widget.attrs.pop("placeholder", None)
    return field


@register.filter(is_safe=True)
def squash(value: str) -> str:
    """Collapse the whitespace that allauth's indented `head_title` blocks carry."""
    return " ".join(str(value).split())
