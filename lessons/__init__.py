"""Built-in lessons, registered through the tutor.lessons entry point."""
