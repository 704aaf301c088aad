"""Zelfscan Kwaliteitskader: the VNG self-scan for local (wijk)teams, as a desktop app."""

__version__ = "0.1.0"
