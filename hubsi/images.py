"""Uploaded logos: decided by decoding, never by name or header, and never served as uploaded.

`process_logo` checks an upload (size, real format, dimensions) and returns a new WebP image
at most `OUTPUT_SIZE` pixels wide and high, with no metadata (EXIF, GPS, comments) and a
generated name. The original bytes are dropped. Used by every form with a logo.

`MediaStorage` (MEDIA_ROOT's storage, STORAGES["default"] by default) keeps a file stored
inside a transaction only if the transaction commits (`DeleteOnRollback`), so a rolled-back save
leaves no orphan logo. The bucket's storage (`hubsi.object_storage.S3MediaStorage`, when
MEDIA_BUCKET is set) mixes in the same behaviour.
"""

import io
import logging
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, Storage
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

MAX_BYTES = 2 * 1024 * 1024
MAX_DIMENSION = 4000
OUTPUT_SIZE = 600
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP")
ACCEPT_ATTRIBUTE = "image/jpeg,image/png,image/webp"

NOT_AN_IMAGE = _(
    "This file is not a JPEG, PNG or WebP image. Choose a logo in one of these formats."
)


def process_logo(upload, *, output_size: int = OUTPUT_SIZE) -> ContentFile:
    """Validate an uploaded file and return it re-encoded as WebP, or raise ValidationError."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(
            _("This file is larger than 2 MB. Choose a smaller logo."), code="too_big"
        )
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValidationError(
            _("This file is larger than 2 MB. Choose a smaller logo."), code="too_big"
        )
    with warnings.catch_warnings():
        # Pillow warns about images of suspicious size; here that is a refusal.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as probe:
                image_format = probe.format
                width, height = probe.size
                probe.verify()
        except (
            UnidentifiedImageError,
            Image.DecompressionBombError,
            Image.DecompressionBombWarning,
            OSError,
            SyntaxError,
            ValueError,
        ) as error:
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
        if image_format not in ACCEPTED_FORMATS:
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
        # Checked on the header's dimensions, before any pixel is decoded.
        if width > MAX_DIMENSION or height > MAX_DIMENSION:
            raise ValidationError(
                _(
                    "This image is %(width)d × %(height)d pixels; a logo may be at most "
                    "4,000 × 4,000 pixels."
                ),
                code="too_many_pixels",
                params={"width": width, "height": height},
            )
        try:
            with Image.open(io.BytesIO(data), formats=ACCEPTED_FORMATS) as image:
                image.load()
                image = ImageOps.exif_transpose(image)  # keep the orientation EXIF described
                image = _without_metadata(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning, OSError) as error:
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    image.thumbnail((output_size, output_size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="WEBP", quality=85, method=4)
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.webp")


def _without_metadata(image: Image.Image) -> Image.Image:
    """A fresh image holding only the pixels: no EXIF, XMP, ICC or text chunks survive."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


class LogoField(forms.FileField):
    """A file field whose cleaned value is the processed logo (a ContentFile), or None."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            _("JPEG, PNG or WebP, at most 2 MB and 4,000 × 4,000 pixels. We resize it."),
        )
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return None
        return process_logo(upload)


class _DeleteUnlessCommitted:
    """Given to `transaction.on_commit` for a file just stored.

    Called when the transaction commits: the file stays. When the transaction (or the
    savepoint) rolls back, Django drops its callbacks uncalled, and this object with them:
    the file is then deleted. Django has no rollback hook; CPython frees the object as soon as
    the list of callbacks lets go of it.
    """

    def __init__(self, storage: Storage, name: str):
        self.storage, self.name, self.committed = storage, name, False

    def __call__(self) -> None:
        self.committed = True

    def __del__(self) -> None:
        if not self.committed:
            try:
                self.storage.delete(self.name)
            except Exception:  # never raise from __del__; say it instead
                logger.exception("could not delete %s after a rollback", self.name)


class DeleteOnRollback:
    """A storage mixin for uploads that belong to the rows of a transaction: the self-service
    steps and the admin store a logo before the row that names it is saved; if that
    transaction rolls back, the file goes too. Outside a transaction a file stays at once."""

    def _save(self, name, content):
        name = super()._save(name, content)
        transaction.on_commit(_DeleteUnlessCommitted(self, name))
        return name


class MediaStorage(DeleteOnRollback, FileSystemStorage):
    """MEDIA_ROOT on the server's disk (another storage: mix `DeleteOnRollback` into it)."""
