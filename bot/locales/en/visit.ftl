menu-visit = 📝 Record a visit
prospect-record-visit = 📝 Record visit
visit-pick = <b>Record a visit</b>
    Pick the prospect (most important first) or type a name to search:
visit-no-hits = Nothing found. Try another spelling, pinyin or phone digits.
visit-ask-channel = Contact with <b>{ $name }</b>: how?
visit-channel-visit = 🤝 Face to face
visit-channel-call = 📞 Phone call
visit-channel-message = 💬 Message
visit-channel-mail = ✉️ Mail
visit-channel-other = ➖ Other
visit-ask-day = When? (today is { $today })
visit-today = Today
visit-yesterday = Yesterday
visit-calendar = 📅 Other day
visit-ask-outcome = Contact with <b>{ $name }</b>: { $channel }, { $day_label }. How did it go?
visit-outcome-no-answer = No answer
visit-outcome-not-interested = Not interested
visit-outcome-interested = Interested
visit-outcome-appointment = Appointment set
visit-outcome-met = Meeting held
visit-outcome-quoted = Quoted a price
visit-outcome-won = Won 🎉
visit-outcome-lost = Lost
visit-ask-amount = Which amount did you quote? (e.g. 12000, 12,000 USD, ¥8000)
visit-ask-reason = Why was it lost? (or skip)
visit-ask-details = Optional: type notes, send a photo (business card, shop front) or share your location. Then Save.
    Notes: { $notes } · photo: { $photo } · location: { $located }
visit-details-kinds = Send text, a photo or a location, please.
visit-ask-next = When is the next contact with <b>{ $name }</b>?
visit-suggested = ⭐ { $suggested } ({ $reason })
visit-quick-tomorrow = Tomorrow
visit-quick-3d = In 3 days
visit-quick-1w = In 1 week
visit-quick-2w = In 2 weeks
visit-quick-1m = In 1 month
visit-no-next = No next step
visit-ask-time = At what time on { $due_on }? Type it, e.g. 9:30. I will remind you then.
visit-no-time = No time
visit-bad-time = “{ $value }” is not a time. Type e.g. 9:30 or 14:00.
visit-ask-next-text = What will you do then?
visit-done = ✅ Visit with <b>{ $name }</b> saved ({ $outcome }, { $day }). { $next }
visit-next-on = Next: { $due_on }
visit-next-at = Next: { $due_on } at { $due_time }
visit-next-none = No next step.
visit-future = A contact cannot be in the future.
visit-too-old = That is more than { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago: put older history into the card's notes.
visit-bad-amount = “{ $value }” is not an amount. Send a positive number such as 12000, 12,000.50 USD, ¥8000 or 1.2万.
visit-next-past = The next step cannot be in the past.
cadence-too-dense = 🐢 Gently: that would be { $count } contacts within { $days ->
        [one] { $days } day
       *[other] { $days } days
    }. Pressure is not follow-up; give them some room.
cadence-too-soon = 🐢 Gently: only { $days ->
        [one] { $days } day
       *[other] { $days } days
    } after the last contact; for this prospect at least { $min ->
        [one] { $min } day works
       *[other] { $min } days work
    } better.
cadence-outside-window = 🕘 { $at } is outside their preferred time ({ $start }-{ $end }).
cadence-not-prospect = This is not a prospect by the MAN rule: consider no next step and the dormant stage.
cadence-reason-retry = try again soon
cadence-reason-service = keep in touch after the sale
cadence-reason-win-back = try to win them back
cadence-reason-revive = revive a dormant contact
cadence-reason-appointment = confirm the appointment
cadence-reason-priority = top priority: keep momentum
cadence-reason-develop = develop the relationship
cadence-reason-nurture = nurture over time
cadence-reason-qualify = finish the MAN check
visit-time-past = { $at } today has already passed, so I could only remind you at once. Pick a later time, or the same time tomorrow ({ $tomorrow }).
visit-time-tomorrow = ⏭ Tomorrow at { $past_at }
visit-nearby = <b>📍 Check in</b>: where are you? Prospects whose last visits were nearest come first (or type a name to search).
visit-nearby-none = No visit with a location near here yet: pick from your recent prospects or type a name.
visit-near-item = 📍 { $name } · { $metres } m
visit-checked-in = 📍 Checked in at { $checked_in }.
visit-change-channel = { $channel } ✏️
visit-change-day = 📅 { $day_label } ✏️
visit-man-open = Still open in the MAN check (tap to answer, or skip): M can they pay? A do they decide? N do they need it?
visit-man-toggle = { $letter } { $answer ->
    [yes] ✅
    [no] ❌
   *[other] ❔
}
visit-finish = <b>{ $name }</b>: { $outcome }, { $channel }, { $day_label }. { $next }
visit-finish-amount = Quoted: { $amount }
visit-finish-reason = Lost because: { $lost_reason }
visit-finish-next-text = Then: { $next_text }
visit-stage-applied = Stage moved to <b>{ $proposed }</b> (undo below).
visit-stage-undone = Stage unchanged (the outcome suggests <b>{ $proposed }</b>).
visit-undo-stage = ↩️ Undo: keep the stage
visit-redo-stage = ↪️ Move to { $proposed }
visit-other-time = 🕘 Time
visit-change-next = 📅 Another day for the next contact
visit-next-text = ✏️ What to do then
visit-save = ✅ Save
menu-check-out = 🏁 Check out: { $check_in_name } (since { $check_in_since })
visit-checkin-out-done = 🏁 Checked out of <b>{ $name }</b> after { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
visit-checkin-none = There is no open check-in.
visit-checkin-not-found = That check-in is not yours or no longer open.
visit-bad-location = That location cannot be right. Share it again from the phone.
visit-on-today = today ({ $day })
visit-on-yesterday = yesterday ({ $day })
visit-next-why = { $next } ⭐ ({ $reason })
