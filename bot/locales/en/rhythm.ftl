cmd-away = Pause reminders: /away FROM TO (dates) or /away off
agenda-text = ☀️ <b>Your day, { $day }</b>
    <b>Due today</b>
    { $today_html }
    <b>Overdue</b>
    { $overdue_html }
    🎯 New contacts today: { $done }/{ $target }
agenda-line = • { $when } <b>{ $name }</b> { $text }
prospecting-text = 🔎 <b>Prospecting day!</b> Time to find new customers.
    Dormant prospects worth a new try: { $revive }
    Methods you used least lately: { $methods }
evening-text = 🌙 <b>Evening check</b>
    Follow-ups due today still open: { $open }
    New contacts today: { $done }/{ $target }{ $remaining ->
        [0] {""}
       *[other] — { $remaining } to go.
    }
    Record today's contacts before you finish: 📝 Record a visit.
reminder-text = ⏰ Follow up with <b>{ $name }</b> { $at }
    { $text }
reminder-done = 📝 Done: record it
reminder-open = 📇 Open card
reminder-hour = 💤 1 hour
reminder-tomorrow = 💤 Tomorrow
reminder-snoozed = I will remind you again at { $at }.
reminder-gone = This reminder is no longer open.
away-set = 🏖 Reminders paused from { $first } to { $last }. Welcome back afterwards: I will sum up what waits.
away-off = Reminders are on again.
away-usage = Send /away FROM TO with dates like 2026-12-01 2026-12-05 (or one date), or /away off.
away-bad-range = The last day must not be before the first, and at most { $max ->
        [one] { $max } day
       *[other] { $max } days
    }.
away-in-past = That period is already over.
away-back = 👋 Welcome back! { $count ->
    [0] Nothing is waiting for you.
    [one] One follow-up is waiting: see 📋 My prospects or the morning agenda.
   *[other] { $count } follow-ups are waiting: see 📋 My prospects or the morning agenda.
}
agenda-more = … and { $n } more: see 📋 My prospects.
