team-list-title = <b>Teams</b> ({ $count })
    Pick a team to invite people or see who joined.
team-new = ➕ New team
team-new-prompt = Send the name of the new team:
team-card = <b>{ $team }</b>
    Timezone: { $timezone } · country: { $country } · language: { $language }
    Active members: { $members }
    Digest chat: { $bound ->
        [yes] bound
       *[no] not bound yet (add me to the team's group and send /bind there)
    }
team-invite-rep = ➕ Invite a rep
team-invite-manager = ➕ Invite a manager
team-members = 👥 Members
team-invite-text = Invite link for a new { role-name } of <b>{ $team }</b>, valid { $days ->
        [one] { $days } day
       *[other] { $days } days
    } and for one person only:
    { $link }
    Forward it to the person; opening it registers them.
team-members-text = <b>{ $team }</b>: members
    { $list }
team-not-allowed = Only admins, or managers for their own team, can do that.
team-not-found = That team does not exist or is not yours to manage.
team-bad-name = A team name needs 1 to { $max } characters. Please send another name.
team-bad-timezone = “{ $value }” is not a timezone I know.
team-bad-country = “{ $value }” is not a country code I know (use two letters, e.g. CN).
team-bad-language = Language “{ $value }” is not available (zh or en).
team-exists = A team called “{ $name }” already exists. Please choose another name.
invite-no-team = That team does not exist.
invite-not-allowed = You cannot invite people into that team with that role.
invite-bad-days = An invite can be valid for 1 to { $max } days.
user-not-found = No user with Telegram id { $id }.
user-not-allowed = You cannot change that person.
team-handover = 🔁 Hand over prospects
team-handover-from = Whose prospects should be handed over (e.g. someone who left)?
team-handover-to = Who takes them over, with their full history?
team-handover-done = ✅ { $moved } prospects now belong to { $to }.
team-handover-told = 📥 { $by } handed { $count } prospects over to you. Find them under 📋 My prospects.
team-member-line = { $name } · { role-name } { $active ->
    [yes] · last active { $last } · today { $new }/{ $target } new, { $visits ->
        [one] 1 visit
       *[other] { $visits } visits
    }
   *[no] (deactivated)
}
team-settings = ⚙️ Team settings
team-deactivate = 🚪 Deactivate a rep
team-settings-text = <b>{ $team }</b>: settings
    Daily target: { $target } new contacts
    Digest at { $digest_time } on { $working_days ->
        [auto] working days of the country's calendar
       *[other] { $working_days }
    }
    Prospecting day: { $prospecting_day }
    Greeting reminders: { $postal } days before for cards, { $message } for messages
    Team pool: { $pool_after ->
        [0] off
       *[other] after { $pool_after } days without contact; { $pool_cap } claims a day; a rep waits { $pool_reclaim } days to reclaim
    }
team-setting-target = 🎯 Daily target
team-setting-digest-time = 🕖 Digest time
team-setting-working-days = 📅 Working days
team-setting-prospecting-day = 🔭 Prospecting day
team-setting-pool-after = 🌊 Pool after N days
team-setting-pool-cap = ✋ Daily claim limit
team-setting-pool-reclaim = ⏳ Reclaim wait
team-setting-greeting-lead = ✉️ Greeting lead days
team-referral-policy = 🎁 Referral reward policy
team-ask-target = How many new contacts a day should each rep make (0-50)?
team-ask-digest-time = At what time should the daily digest come (e.g. 19:00)?
team-ask-working-days = Which days are working days? Send e.g. 1-5, 1-6, mon-fri, or auto for the country's calendar with its holidays.
team-ask-prospecting-day = Which weekday is new-customer day (1 = Monday … 7 = Sunday)?
team-ask-pool-after = After how many days without contact does a prospect return to the team pool (7-365)? Send off to switch it off.
team-ask-pool-cap = How many prospects may a rep claim from the pool a day (1-100)?
team-ask-pool-reclaim = How many days must a rep wait to reclaim a prospect they let go (0-365)?
team-ask-greeting-lead = How many days before an occasion are reps reminded? Send the days for postal cards, and optionally for messages, e.g. 10 or 10 2.
team-bad-number = “{ $value }” is not a whole number from { $low } to { $high }.
team-bad-time = “{ $value }” is not a time. Send it like 19:00.
team-bad-weekday = “{ $value }” is not a day or a range of days. Send e.g. 1-5 or mon-fri.
team-bad-setting = That setting does not exist.
team-bad-member = That person cannot be deactivated here.
team-leaver-pick = Who is leaving? They are deactivated and their prospects handed on.
team-heir-pick = Who takes over { $leaver }'s prospects, with their full history? Or send them to the team pool.
team-to-pool = 🌊 To the team pool
team-leaver-done = ✅ Deactivated. { $to_pool ->
    [yes] { $moved } prospects went to the team pool.
   *[other] { $moved } prospects now belong to { $to }.
}
team-weekday-0 = Monday
team-weekday-1 = Tuesday
team-weekday-2 = Wednesday
team-weekday-3 = Thursday
team-weekday-4 = Friday
team-weekday-5 = Saturday
team-weekday-6 = Sunday
