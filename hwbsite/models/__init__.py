"""Typed, validated models of a board's data."""
