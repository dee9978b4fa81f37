"""Where entries start and what time they state: dialects, their choice, and zones."""
