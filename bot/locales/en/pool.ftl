## The team pool (公海): browse, claim, assign; the nightly warnings and moves.

pool-title = 🌊 <b>Team pool</b>: { $count ->
    [0] empty
    [one] one prospect waiting
   *[other] { $count } prospects waiting
}. Claim one to make it yours (up to { $cap } a day).
pool-empty-hint = Prospects nobody contacted for a while come back here.
pool-item = { $name } · since { $since }
pool-card = 🌊 <b>{ $name }</b>
    Stage: { $stage } · MAN: { $man }
    Last contact: { $last }
    In the pool since { $since } ({ $reason ->
        [left] their rep left
       *[stale] no contact
    }), before with { $previous }.
pool-claim = ✋ Claim
pool-assign = 👤 Assign to a rep
pool-assign-pick = Give <b>{ $name }</b> to:
pool-claimed = ✅ <b>{ $name }</b> is yours now, with its whole history.
pool-assigned = ✅ <b>{ $name }</b> went to { $to }.
pool-assigned-told = 📥 { $by } gave you <b>{ $name }</b> from the team pool.
pool-no-team = The team pool is for members of a team.
pool-gone = That prospect is no longer in the pool.
pool-taken = Someone claimed it a moment before you.
pool-not-allowed = Only managers assign from the pool.
pool-cap-reached = You have claimed { $cap } today, the team's daily limit. Try again tomorrow.
pool-reclaim-banned = You let this prospect go less than { $days } days ago; a teammate gets a chance first.
pool-warn-text = ⏳ { $count ->
    [one] This prospect goes
   *[other] These { $count } prospects go
} back to the team pool on { $day } unless you contact them:
    { $names_html }
pool-moved-text = 🌊 { $count ->
    [one] One prospect went
   *[other] { $count } prospects went
} back to the team pool after { $days } days without contact:
    { $names_html }
pool-notice-line = • { $name }
pool-more = … and { $n } more
pool-open = 📇 { $name }
