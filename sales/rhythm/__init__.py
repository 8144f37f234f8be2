"""The rep's daily rhythm: agenda, timed reminders, evening check, away."""
