"""Direct-mail greetings: occasions, who gets a card, reminders, marking, labels."""
