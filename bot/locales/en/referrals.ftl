# Referrals (method.md §6): ask for names, grow the chain, keep your word, pay at once.
cmd-referrals = Referrals: rewards and chains
menu-referrals = 🔗 Referrals
prospect-referrals = 🔗 Referrals
visit-ask-referrals = 🔗 Ask for referrals
referrals-card-chain = { $chain_html }

referrals-script-chain = <b>Ask { $name } for names</b> (endless chain)
    Say it in your own words:
    “I am glad you chose us. Who among your friends or colleagues could use this too? I will look after them as well as I looked after you, and as a thank-you you get { $reward }.”
referrals-script-snowball = <b>Ask { $name } for names</b> (snowball)
    Say it in your own words:
    “Even if it is not for you right now: who do you know who might need it? I will mention that you sent me, and there is { $reward } for you if they buy.”
referrals-asked-lately = ⚠️ { $name } said “nobody” not long ago: maybe wait a little.
referrals-given = 🙌 Names given
referrals-none = 🙅 Nobody
referrals-later = ⏰ Ask later
referrals-ask-name = Name { $n } from <b>{ $giver }</b>: type the name (phone and how they know { $giver } come next), or tap “That's all”.
referrals-all = ✅ That's all
referrals-ask-phone = Phone of <b>{ $name }</b>? (optional)
referrals-ask-how = How does <b>{ $name }</b> know { $giver }? (optional, e.g. neighbour, colleague)
referrals-duplicate = <b>{ $name }</b> looks like someone already in the team. The same person? Tap them to link, or add someone new.
referrals-someone-new = ➕ Someone new
referrals-name-added = { $name } added as a new prospect.
referrals-name-linked = { $name } was already known: linked, not added twice.
referrals-done-given = 🙏 Thanks recorded: { $added ->
        [one] { $added } new prospect
       *[other] { $added } new prospects
    }, { $linked } linked to existing ones.
referrals-done-none = Recorded: no names this time. You will not be nudged to ask again for a while.
referrals-done-later = ⏰ I will remind you to ask again in a few days.

referrals-overview = <b>Referrals</b>
    { $ledger_html }

    <b>Best introducers</b>
    { $best_html }

    Referred prospects won: { $referred } · found other ways: { $others }
referrals-ledger-line = { $status }: { $count } ({ $money })
referrals-ledger-overdue = ⚠️ Overdue: { $count } ({ $money })
referrals-best-line = { $name }: { $referred } referred, { $won } won
referrals-status-promised = Promised
referrals-status-owed = Owed
referrals-status-paid = Paid
referrals-status-declined = Declined
referrals-to-rewards = 💰 Rewards to settle
referrals-to-contacts = 🤝 Introducers
referrals-to-policy = ⚙️ Reward policy
referrals-rewards = <b>Open rewards</b> (⚠️ overdue): keep your word, pay at once.
referrals-reward = <b>Reward for { $prospect }</b>
    To: { $giver }
    Reward: { $terms } · { $status } · due { $due }
referrals-paid-cash = 💵 Cash
referrals-paid-transfer = 🏦 Transfer
referrals-paid-gift = 🎁 Gift
referrals-paid-dinner = 🍽 Dinner
referrals-decline = 🙅 Declined
referrals-change = ✏️ Change this reward
referrals-ask-override = New reward for this case: an amount (200, 25 USD) or a gift.
referrals-policy = <b>Reward policy</b>: { $reward }, due { $due_days } days after the win; after a “nobody” we wait { $quiet_days } days.
    Send a new reward: an amount (200, 25 USD) or a gift (e.g. a tea set).
referrals-policy-saved = Reward policy saved.
referrals-settled-ok = Done: the reward is settled.
referrals-a-gift = a thank-you gift

referrals-contacts = <b>Introducers</b> who are not customers (agents, loan officers, repair shops). Tap one to note names they gave.
referrals-add-contact = ➕ New introducer
referrals-ask-contact = The introducer's name?
referrals-ask-trade = What does { $contact } do?
referrals-trade-agent = Agent
referrals-trade-loan-officer = Loan officer
referrals-trade-repair-shop = Repair shop
referrals-trade-insurance-adjuster = Insurance adjuster
referrals-trade-other = Other
referrals-contact-added = { $name } added as an introducer.

referrals-chain-title = <b>Referral chain</b>
    { $chain_html }
referrals-chain = Referred by: { $above_html }
    Referred:
    { $below_html }
    Won: { $won } · value { $value }
referrals-node = { $name }
referrals-node-hidden = (a prospect of { $owner })
referrals-ask-button = 🙌 Ask for names
referrals-credit-button = 🎁 Credit an introducer
referrals-credit = Who introduced this customer? They are credited with the team's reward.
referrals-credited = Introducer credited.

referrals-morning = <b>Referrals today</b>
    { $rewards_html }
    { $nudge_html }
referrals-morning-reward = { $overdue ->
        [yes] ⚠️ overdue since { $due }
       *[no] due { $due }
    }: { $terms } to { $giver } for { $name }
referrals-morning-nudge = 🙌 Ask { $name } for names: won lately, never asked.
referrals-later-text = ⏰ You wanted to ask <b>{ $name }</b> for names again. Now is a good time.
referrals-open-reward = 💰 { $name }
referrals-ask-now = 🙌 Ask { $name }

referrals-not-found = Not found (or not yours to see).
referrals-not-allowed = Only a manager of the team may do that.
referrals-bad-terms = “{ $value }” is neither an amount (200, 25 USD) nor a gift.
referrals-bad-days = Days must be between 0 and { $max }.
referrals-not-duplicate = That person is not one of the matches: pick one of them or add someone new.
referrals-self = Nobody refers themselves.
referrals-already-credited = This prospect already has an introducer with a reward.
referrals-already-referred = Someone else is already recorded as having referred this prospect.
referrals-settled = This reward is already paid or declined.
