"""Settings for every test: no disk cache of built tables (``marsad.cache``), so that a test sees the
tables its own data and code build (tests that patch a loader rely on it); tests of the cache give it a
directory of their own."""

import os

os.environ["MARSAD_CACHE_DIR"] = ""
