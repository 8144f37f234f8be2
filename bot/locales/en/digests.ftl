cmd-digest = Today's digest (or /digest YYYY-MM-DD)
cmd-report = This week's charts
digest-head = 📊 <b>{ $team }</b> · daily digest { $day }
digest-head-rep = 📊 <b>{ $name }</b> · your day { $day }
digest-team = <b>Team</b> · { $reps ->
        [one] { $reps } rep
       *[other] { $reps } reps
    }
    🆕 New contacts: { $new }/{ $target }
    🤝 Contacts recorded: { $contacts } (visits { $visits })
    ✅ Follow-ups done: { $done } · ⏰ overdue: { $overdue }
    💤 No contact for { $days }+ days: { $stale }
    ✉️ Greeting cards sent: { $sent } · due: { $due }
    🏆 Won today: { $won }
digest-funnel = 📈 Funnel: { $funnel }
digest-rep = 👤 <b>{ $name }</b>
    🆕 New: { $new }/{ $target } { $methods }
    🤝 Contacts: { $contacts } (visits { $visits })
    ✅ Follow-ups done: { $done } · ⏰ overdue: { $overdue }
    💤 No contact for { $days }+ days: { $stale }
    ✉️ Cards sent: { $sent } · due: { $due }
digest-referrals = 🔗 Names asked: { $asked } · received: { $received } · rewards owed: { $owed } · overdue: { $overdue }
digest-top = ⭐ <b>Top prospects</b>
digest-top-line = { $rank }. { $name_html } ({ $owner }, { $stage }, { $score })
digest-attention = ⚠️ <b>Needs attention</b>
digest-attention-overdue = • { $who }: follow-up with { $name_html } overdue by { $days } days
digest-attention-idle = • { $who }: nothing recorded today
digest-attention-unanswered = • { $who }: { $count ->
        [one] { $count } reminder
       *[other] { $count } reminders
    } not answered
digest-attention-big-quote = • { $who }: { $name_html } quoted { $amount }, no next step
digest-attention-reward = • { $who }: { $count ->
        [one] { $count } referral reward
       *[other] { $count } referral rewards
    } overdue
digest-nothing = nothing yet
digest-not-allowed = This digest is for the team's managers.
digest-no-team = You are not in a team, so there is no digest for you.
digest-bad-date = “{ $value }” is not a date: send /digest or /digest YYYY-MM-DD.
digest-future = { $value } has not happened yet.
digest-bad-settings = These digest settings are not valid.
report-caption = 📊 <b>{ $team }</b> · week { $first } – { $last }
    🆕 New prospects: { $new } · 🤝 contacts: { $contacts } · 🏆 won: { $won }
report-empty = 📊 <b>{ $team }</b>: nothing recorded from { $first } to { $last }, so no charts.
report-chart-funnel = Funnel: prospects by stage
report-chart-activity = Contacts recorded per rep per day
report-chart-methods = Conversion by prospecting method
report-chart-greetings = Greeting coverage (direct mail, last 12 months)
report-chart-referrals = Referral yield (names received in the last 12 months)
report-axis-prospects = Prospects
report-axis-won = Won
report-axis-contacts = Contacts
report-axis-enrolled = Direct mail
report-axis-greeted = Greeted
report-axis-received = Names received
