# Refusals of sales/greetings (the codes the domain raises); the flows' texts are in greetings.ftl.
greetings-card-gone = This greeting card is no longer open for you.
greetings-card-withdrawn = { $name } no longer gets cards (do not contact, lost or opted out): this card is withdrawn, please do not send it.
greetings-not-allowed = Only a manager of the team can do this.
greetings-no-team = Join a team first.
greetings-bad-text = The greeting text cannot be empty.
greetings-text-too-long = The greeting text is too long (at most { $max } characters).
greetings-bad-lead = Lead days must be between 0 and { $max }.
greetings-bad-western = “{ $value }” is not a Western occasion.
greetings-bad-pick = That pick is not valid for month { $month }.
greetings-bad-company-date = That is not a valid company date (a name, a month and a day).
greetings-bad-segment = “{ $value }” does not name a segment.
