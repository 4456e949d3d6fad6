"""How the vocabulary's word lists become lookups."""

from __future__ import annotations

from perftable.values.cleaning import label_key


def keys(words: str) -> frozenset[str]:
    """Lookup keys of a whitespace-separated list of spellings."""
    return frozenset(label_key(word) for word in words.split())


def index(mapping: dict[str, str]) -> dict[str, str]:
    """role -> whitespace-separated spellings, as a lookup of key -> role."""
    return {
        label_key(spelling): role for role, spellings in mapping.items() for spelling in spellings.split()
    }
