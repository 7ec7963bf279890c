"""Logos are decided by decoding, re-encoded, resized and stripped: no uploaded byte is served."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from hubsi.images import MAX_BYTES, LogoField, process_logo


def image_file(
    name="logo.png", *, format="PNG", size=(120, 80), mode="RGB", color="teal", exif=None, **save
) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    image = Image.new(mode, size, color)
    if exif is not None:
        save["exif"] = exif
    image.save(buffer, format=format, **save)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def decoded(content) -> Image.Image:
    image = Image.open(io.BytesIO(content.read()))
    image.load()
    return image


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP"])
def test_jpeg_png_and_webp_are_accepted_and_re_encoded_as_webp(format):
    result = process_logo(image_file(f"logo.{format.lower()}", format=format))
    assert decoded(result).format == "WEBP"
    assert result.name.endswith(".webp")


def test_the_name_is_generated_not_the_uploaded_one():
    first = process_logo(image_file("../../etc/passwd.png"))
    second = process_logo(image_file("../../etc/passwd.png"))
    assert "passwd" not in first.name
    assert first.name != second.name
    assert "/" not in first.name


def test_a_large_logo_is_resized_to_at_most_600_pixels():
    image = decoded(process_logo(image_file(size=(2400, 1200))))
    assert image.size == (600, 300)


def test_a_small_logo_is_not_enlarged():
    assert decoded(process_logo(image_file(size=(64, 64)))).size == (64, 64)


def test_exif_is_removed():
    exif = Image.Exif()
    exif[0x010F] = "Camera of Sara"  # Make
    exif[0x8825] = {2: (50.0, 57.0, 0.0)}  # GPS
    upload = image_file("photo.jpg", format="JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(upload.read())).getexif()  # the upload carried it
    upload.seek(0)
    result = process_logo(upload)
    data = result.read()
    image = Image.open(io.BytesIO(data))
    assert not image.getexif()
    assert b"Camera of Sara" not in data


def test_transparency_is_kept():
    image = decoded(process_logo(image_file(mode="RGBA", color=(0, 128, 128, 0))))
    assert image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0


def test_a_text_file_with_an_image_name_is_refused():
    upload = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    with pytest.raises(ValidationError) as error:
        process_logo(upload)
    assert error.value.code == "not_an_image"


def test_a_png_named_jpg_is_judged_by_its_content():
    result = process_logo(image_file("logo.jpg", format="PNG"))
    assert decoded(result).format == "WEBP"


@pytest.mark.parametrize("format", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused(format):
    with pytest.raises(ValidationError) as error:
        process_logo(image_file("logo.png", format=format))
    assert error.value.code == "not_an_image"


def test_a_truncated_image_is_refused():
    upload = image_file(size=(300, 300))
    data = upload.read()
    with pytest.raises(ValidationError):
        process_logo(SimpleUploadedFile("logo.png", data[: len(data) // 2]))


def test_a_file_over_2_mb_is_refused_before_decoding():
    upload = SimpleUploadedFile("logo.png", b"\x89PNG" + b"0" * MAX_BYTES)
    with pytest.raises(ValidationError) as error:
        process_logo(upload)
    assert error.value.code == "too_big"


def test_more_than_4000_pixels_wide_is_refused():
    with pytest.raises(ValidationError) as error:
        process_logo(image_file(size=(4001, 10)))
    assert error.value.code == "too_many_pixels"


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG that claims huge dimensions: a decompression bomb's calling card."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("size", [(50_000, 50_000), (4000, 4001), (100_000, 1)])
def test_a_decompression_bomb_is_refused_without_decoding_it(size):
    upload = SimpleUploadedFile("bomb.png", png_header_only(*size))
    assert upload.size < 200
    with pytest.raises(ValidationError) as error:
        process_logo(upload)
    assert error.value.code in ("too_many_pixels", "not_an_image")


def test_logo_field_returns_the_processed_file_and_nothing_when_empty():
    field = LogoField()
    assert field.clean(None) is None
    cleaned = field.clean(image_file())
    assert cleaned.name.endswith(".webp")


@pytest.mark.django_db
def test_a_logo_stored_in_a_transaction_that_rolls_back_leaves_no_file(settings, tmp_path, owner):
    from django.db import transaction

    from hubsi.models import Status
    from hubsi.services import content_save_step
    from tests.factories import make_supporter

    settings.MEDIA_ROOT = tmp_path
    supporter = make_supporter(managers=[owner], status=Status.DRAFT)
    with pytest.raises(RuntimeError), transaction.atomic():
        changes = {"logo": process_logo(image_file())}
        content_save_step(obj=supporter, by=owner, step="organisation", changes=changes)
        assert list(tmp_path.rglob("*.webp")), "stored while the transaction is open"
        raise RuntimeError("a later write in the same transaction failed")
    assert list(tmp_path.rglob("*.webp")) == []


@pytest.mark.django_db
def test_a_logo_stored_in_a_transaction_that_commits_stays(
    settings, tmp_path, owner, django_capture_on_commit_callbacks
):
    from hubsi.models import Status
    from hubsi.services import content_save_step
    from tests.factories import make_supporter

    settings.MEDIA_ROOT = tmp_path
    supporter = make_supporter(managers=[owner], status=Status.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        changes = {"logo": process_logo(image_file())}
        content_save_step(obj=supporter, by=owner, step="organisation", changes=changes)
    supporter.refresh_from_db()
    assert (tmp_path / supporter.logo.name).exists()
