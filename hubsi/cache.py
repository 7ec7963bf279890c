"""Django's Redis cache backend, reusing its client objects.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` object for every cache
operation (sharing the connection pool). With redis-py 5 that construction costs about as much
as the round trip itself; when a cached page took three operations (catalogue version, header
key, page) that was a third of the cost of serving it (now it takes one, hubsi/caching.py).
A client is thread-safe and cheap to keep: one per connection pool, made on first use.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(index)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisCacheClient
