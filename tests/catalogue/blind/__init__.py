"""Blind catalogue entries: written from the contract and the reference only (see ``tests/catalogue``)."""
