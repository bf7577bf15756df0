"""Fixtures every test folder may use: the store backends (tests/store/backends.py)."""

pytest_plugins = ["store.backends"]
