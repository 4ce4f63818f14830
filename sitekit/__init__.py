"""Shared build, check and test logic for the site; hooks and scripts call it."""
