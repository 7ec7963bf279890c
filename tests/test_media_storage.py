"""Logos in an S3-compatible bucket (MEDIA_BUCKET), tried against moto's S3 server on 127.0.0.1:
uploaded through the self-service form, shown from the bucket, allowed by the
Content-Security-Policy, deleted when their transaction rolls back or when they are replaced."""

import io
import json
import os
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.urls import reverse
from django.utils.module_loading import import_string
from moto.server import ThreadedMotoServer
from PIL import Image

from hubsi.env import MEDIA_CACHE_CONTROL, media_origin, media_storage_from_env
from hubsi.images import process_logo
from hubsi.services import content_save_step
from tests.factories import make_draft_innovation, make_user, verify_email
from tests.test_images import image_file

BASE_DIR = Path(__file__).resolve().parent.parent
KEYS = {"MEDIA_ACCESS_KEY_ID": "hubsi-test", "MEDIA_SECRET_ACCESS_KEY": "hubsi-test-secret"}


@pytest.fixture(scope="session")
def s3_endpoint():
    """moto's S3 in server mode, in a thread of this test run, on a free port of 127.0.0.1."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, settings):
    """A new, empty bucket; the site's media storage and CSP read from the environment as in
    production (hubsi/settings.py). Returns a client to look into the bucket."""
    name = f"hubsi-media-{uuid.uuid4().hex[:12]}"
    for variable, value in {
        "MEDIA_BUCKET": name,
        "MEDIA_ENDPOINT_URL": s3_endpoint,
        "MEDIA_REGION": "us-east-1",
        **KEYS,
    }.items():
        monkeypatch.setenv(variable, value)
    storage = media_storage_from_env(https=False)
    settings.STORAGES = {**settings.STORAGES, "default": storage}
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**directives, "img-src": [*directives["img-src"], media_origin(storage)]}
    }
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name="us-east-1",
        aws_access_key_id=KEYS["MEDIA_ACCESS_KEY_ID"],
        aws_secret_access_key=KEYS["MEDIA_SECRET_ACCESS_KEY"],
    )
    client.create_bucket(Bucket=name)
    # Logos are public: anyone may read the bucket's objects, as docs/deployment.md sets it up.
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{name}/*",
            }
        ],
    }
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(policy))
    client.name = name
    return client


def keys(bucket) -> list[str]:
    return [item["Key"] for item in bucket.list_objects_v2(Bucket=bucket.name).get("Contents", [])]


@pytest.fixture
def sara(client, db):
    user = verify_email(make_user("sara@example.org"))
    client.force_login(user)
    return user


def practical(innovation) -> str:
    return reverse("innovations:edit-innovation-step", args=[innovation.slug, "practical"])


def test_a_logo_uploaded_through_the_form_is_stored_in_the_bucket_and_shown_from_there(
    client, sara, bucket, s3_endpoint
):
    innovation = make_draft_innovation(owners=[sara])

    client.post(practical(innovation), {"logo": image_file(), "action": "save"})

    (key,) = keys(bucket)
    assert key.startswith("logos/innovations/") and key.endswith(".webp")
    head = bucket.head_object(Bucket=bucket.name, Key=key)
    assert (head["ContentType"], head["CacheControl"]) == ("image/webp", MEDIA_CACHE_CONTROL)
    response = client.get(practical(innovation))
    url = f"{s3_endpoint}/{bucket.name}/{key}"
    assert f'src="{url}"' in response.content.decode()
    assert s3_endpoint in response["Content-Security-Policy"].split("img-src")[1].split(";")[0]
    with urllib.request.urlopen(url, timeout=10) as served:  # what the browser fetches
        assert Image.open(io.BytesIO(served.read())).format == "WEBP"


def test_a_logo_stored_in_a_transaction_that_rolls_back_is_deleted_from_the_bucket(bucket, sara):
    innovation = make_draft_innovation(owners=[sara])
    with pytest.raises(RuntimeError), transaction.atomic():
        changes = {"logo": process_logo(image_file())}
        content_save_step(obj=innovation, by=sara, step="practical", changes=changes)
        assert len(keys(bucket)) == 1, "stored while the transaction is open"
        raise RuntimeError("a later write in the same transaction failed")
    assert keys(bucket) == []


def test_a_replaced_or_removed_logo_is_deleted_from_the_bucket(
    client, sara, bucket, django_capture_on_commit_callbacks
):
    innovation = make_draft_innovation(owners=[sara])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(practical(innovation), {"logo": image_file(), "action": "save"})
    (first,) = keys(bucket)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(practical(innovation), {"logo": image_file(color="red"), "action": "save"})
    innovation.refresh_from_db()
    assert keys(bucket) == [innovation.logo.name] != [first]

    with django_capture_on_commit_callbacks(execute=True):
        client.post(practical(innovation), {"remove_logo": "on", "action": "save"})
    innovation.refresh_from_db()
    assert not innovation.logo and keys(bucket) == []


# The settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "environment",
    [
        {"MEDIA_REGION": "eu-west-1"},
        {"MEDIA_REGION": "us-east-1"},
        {"MEDIA_REGION": "eu-west-1", "MEDIA_SIGNED_URLS": "1"},
        {"MEDIA_ENDPOINT_URL": "https://s3.fr-par.scw.cloud", "MEDIA_REGION": "fr-par"},
        {"MEDIA_ENDPOINT_URL": "https://minio.example.be:9000/", "MEDIA_SIGNED_URLS": "1"},
        {"MEDIA_REGION": "eu-west-1", "MEDIA_CUSTOM_DOMAIN": "media.hubsi.example.be"},
    ],
)
def test_the_csp_names_the_origin_of_the_urls_the_storage_gives(monkeypatch, environment):
    monkeypatch.setenv("MEDIA_BUCKET", "hubsi-media")
    # Keys given, so boto3 never asks the network (an instance's metadata) for credentials.
    for variable, value in {**KEYS, **environment}.items():
        monkeypatch.setenv(variable, value)
    storage = media_storage_from_env(https=True)
    url = import_string(storage["BACKEND"])(**storage["OPTIONS"]).url("logos/x.webp")
    assert url.startswith(media_origin(storage) + "/")
    assert ("X-Amz-Signature=" in url) == ("MEDIA_SIGNED_URLS" in environment)


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({}, "MEDIA_REGION"),
        ({"MEDIA_ENDPOINT_URL": "http://minio.internal:9000"}, "without TLS"),
        ({"MEDIA_REGION": "eu-west-1", "MEDIA_ACCESS_KEY_ID": "AKIA"}, "or neither"),
        (
            {"MEDIA_REGION": "eu-west-1", "MEDIA_SIGNED_URLS": "1", "MEDIA_CUSTOM_DOMAIN": "m.be"},
            "exclude each other",
        ),
    ],
)
def test_a_bucket_configuration_that_cannot_work_fails_loudly(monkeypatch, environment, message):
    monkeypatch.setenv("MEDIA_BUCKET", "hubsi-media")
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    with pytest.raises(ImproperlyConfigured, match=message):
        media_storage_from_env(https=True)


def test_without_a_bucket_media_stay_on_disk_and_images_come_from_the_site_only():
    from django.conf import settings

    assert "MEDIA_BUCKET" not in os.environ
    assert settings.STORAGES["default"] == {"BACKEND": "hubsi.images.MediaStorage"}
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] == ["'self'", "data:"]


def test_production_with_a_bucket_passes_the_deployment_checks():
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "from django.core.management import call_command; "
        "call_command('check', deploy=True, fail_level='WARNING'); "
        "print(json.dumps({'backend': settings.STORAGES['default']['BACKEND'], "
        "'img': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']}))"
    )
    # As a production process starts: without the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE.
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("MEDIA_") and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="hubsi.settings",
        DEBUG="0",
        HTTPS="1",
        SECRET_KEY="a-long-random-secret-key-for-the-deployment-checks-0123456789-abcdefgh",
        ALLOWED_HOSTS="hubsi.example.be",
        CACHE_URL="locmem://",
        MEDIA_BUCKET="hubsi-media",
        MEDIA_REGION="eu-west-1",
        MEDIA_CUSTOM_DOMAIN="media.hubsi.example.be",
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=BASE_DIR,
        env=environment,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["backend"] == "hubsi.object_storage.S3MediaStorage"
    assert data["img"] == ["'self'", "data:", "https://media.hubsi.example.be"]
