"""The tutor's screens, one a module."""
