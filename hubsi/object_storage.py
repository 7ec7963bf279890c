"""Media in an S3-compatible bucket (django-storages), shared by every server and worker.

Named in STORAGES["default"] only when MEDIA_BUCKET is set (`hubsi.env.media_storage_from_env`),
so boto3 is imported only then. docs/deployment.md, "Media".
"""

from storages.backends.s3 import S3Storage

from hubsi.images import DeleteOnRollback


class S3MediaStorage(DeleteOnRollback, S3Storage):
    """A bucket instead of MEDIA_ROOT: an upload whose transaction rolls back is deleted from
    the bucket too (`DeleteOnRollback`)."""
