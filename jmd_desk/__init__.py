"""JMD Desk: encrypted case management for Jugendmigrationsdienste."""

__version__ = "0.1.0"
