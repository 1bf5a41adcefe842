"""Widgets the screens compose. Each tells its parent things with messages."""
