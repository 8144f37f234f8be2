"""Try Xunke without a bot token: a local stand-in Bot API server, demo data and a phone page."""
