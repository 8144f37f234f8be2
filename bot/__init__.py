"""The Telegram adapter: dialogs, handlers, middlewares, scheduler jobs, command line."""
