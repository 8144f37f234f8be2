# Monthly cards (direct-mail greetings, method.md §5): pushes, the dialog, the card's fields.
# Refusals the domain raises are in greetings-refusals.ftl.

menu-greetings = ✉️ Monthly cards

greetings-reminder-text = ✉️ <b>{ $occasion }</b> on { $day }: { $count ->
        [one] one card
       *[other] { $count } cards
    } to { $channel ->
        [message] send as a message
       *[postal] post
    }.
    { $cards_html }
    Mark them below when done: all at once, or one by one.
greetings-ask-text = ❓ <b>{ $occasion }</b> ({ $day }) is over. Did { $count ->
        [one] this card
       *[other] these { $count } cards
    } go out?
    { $cards_html }
    Cards still unmarked in { $days ->
        [one] a day
       *[other] { $days } days
    } count as missed.
greetings-reminder-line = • <b>{ $name }</b> ({ $salutation }) — { $address }
    <i>{ $text }</i>
greetings-more = … and { $n } more: see ✉️ Monthly cards.
greetings-btn-all = ✅ All sent ({ $count })
greetings-btn-sent = ✅ { $name }
greetings-btn-skip = ⏭ Skip
greetings-btn-copy = 📋 Copy text
greetings-btn-open = 📬 Open the list
greetings-marked-all = { $count ->
        [0] Nothing left to mark.
        [one] One card marked sent.
       *[other] { $count } cards marked sent.
    }
greetings-marked-sent = Marked sent: { $name }

greetings-title = ✉️ <b>Monthly cards</b>, { $month }
    Planned { $planned } · sent { $sent } · skipped { $skipped } · missed { $missed }
    Next occasion: { $next }
greetings-no-cards = No cards this month yet: they are planned when the reminder day comes.
greetings-occasion-item = { $name } { $day } · { $done }/{ $total }
greetings-enrol = 👥 Enrol a segment
greetings-settings = ⚙️ Team settings
greetings-occasion-title = ✉️ <b>{ $occasion }</b> ({ $day }): { $done }/{ $total } done
    { $cards_html }
greetings-card-line = { $status } <b>{ $name }</b> — { $address }
greetings-status = { $status ->
        [sent] ✅ sent
        [skipped] ⏭ skipped
        [missed] ❌ missed
        [withdrawn] 🚫 withdrawn
       *[planned] ⏳ to do
    }
greetings-channel = { $channel ->
        [message] 💬 message
       *[postal] 📮 postal card
    }
greetings-all-sent = ✅ All sent
greetings-pdf = 🏷 Labels (PDF)
greetings-xlsx = 📊 List (XLSX)
greetings-csv = 📄 List (CSV)
greetings-file-caption = { $occasion } { $day }: { $count ->
        [one] one label
       *[other] { $count } labels
    }
greetings-no-labels = No postal cards with an address for this occasion.
greetings-labels-no-font = The label sheet cannot be printed here: the server has no Chinese font. XLSX and CSV work; please tell your administrator.
greetings-labels-glyphs = The label sheet cannot print these characters: { $chars }. Edit those names or addresses, or use XLSX / CSV.
greetings-card-title = <b>{ $name }</b> ({ $salutation })
    { $channel_text } · { $address }
    { $status_text }{ $reason }
    <i>{ $text }</i>
greetings-sent = ✅ Sent
greetings-skip = ⏭ Skip
greetings-edit = ✏️ Edit text
greetings-copy = 📋 Copy text
greetings-skip-prompt = Why skip the card for <b>{ $name }</b>? Type a reason, or press “No reason”.
greetings-no-reason = No reason
greetings-edit-prompt = Send the new text for <b>{ $name }</b>. Now:
    <i>{ $text }</i>
greetings-edited = Text saved.

greetings-enrol-kind = 👥 Enrol prospects in direct mail. Pick a segment:
greetings-segment = { $kind ->
        [tag] 🏷 Tag
        [stage] 📈 Stage
        [method] 🧭 Source method
       *[man] 🎯 MAN class
    }
greetings-enrol-value = { $kind ->
        [tag] Type the tag:
        [man] Type a MAN code, e.g. MAN, MAn or mAN:
       *[other] Pick one:
    }
greetings-enrol-confirm = Segment <b>{ $segment }</b>: { $matching } matching.
    To enrol now: <b>{ $to_enrol }</b>
    Already enrolled: { $already } · no address or handle: { $unreachable } · do-not-contact, opted out or lost: { $excluded }
greetings-confirm = ✅ Enrol { $count }
greetings-enrolled = { $count ->
        [0] Nobody new was enrolled.
        [one] One prospect enrolled in direct mail.
       *[other] { $count } prospects enrolled in direct mail.
    }

greetings-settings-title = ⚙️ <b>Greetings settings</b>
    📮 Postal cards: reminder { $postal } days ahead
    💬 Messages: reminder { $message } days ahead
    Western occasions: { $western }
    Card of the month: { $picks }
    Company dates: { $dates }
greetings-lead-postal = 📮 Postal lead time
greetings-lead-message = 💬 Message lead time
greetings-lead-prompt = How many days ahead should the reminder come? (0 to { $max })
greetings-months = 🗓 Card of the month
greetings-month-prompt = Which month's card do you want to choose?
greetings-month-pick-prompt = The card for month { $month }:
greetings-default = Automatic (default)
greetings-company-add = ➕ Company date
greetings-company-prompt = Send the name and the date (MM-DD), e.g. “Store opening 05-18”. Tap a date below to remove it.
greetings-western-item = { $on ->
        [yes] ✅
       *[no] ▫️
    } { $name }
greetings-month-item = { $month }: { $name }
greetings-date-item = ✖ { $name } { $day }
greetings-saved = ✅ Saved.
greetings-none = none

prospect-greetings = ✉️ Greetings
prospect-greetings-text = ✉️ <b>Greetings to { $name }</b>
    { $greetings_html }
prospect-greeting-line = { $day } { $occasion }: { $status } { $reason_html }
    <i>{ $text }</i>
prospect-greetings-more = … and { $n } older.
prospect-greeting-reason = ({ $reason })
prospect-greetings-opt-out = 🚫 No greetings: { $value ->
        [yes] yes
       *[no] no
    }
field-salutation = Salutation
field-greeting-language = Greeting language
field-greeting-channel = Greeting channel
newp-ask-salutation = How do you address them on a card? (e.g. 王总, 李女士, Mr. Chen)
newp-ask-greeting-language = Greeting language: zh or en?
newp-ask-greeting-channel = Greeting channel: postal (a posted card) or message (you send it yourself)?
## Greeting texts (direct mail, method.md §5): they sell nothing, address the prospect by their
## salutation and are signed by the rep. Three variants per occasion (the domain rotates them).
## Occasion-specific texts: greetings-text-<kind>-<key>-<variant>; others use the kind's text.

greetings-text-public-0 =
    Dear { $salutation },
    Warm wishes for { $occasion }! May you and your family enjoy a restful, happy holiday.
    — { $signer }
greetings-text-public-1 =
    Dear { $salutation },
    Happy { $occasion }! Wishing you good health and every success.
    — { $signer }
greetings-text-public-2 =
    Dear { $salutation },
    On { $occasion } I send you my warmest greetings. Enjoy the days off with the people you love.
    — { $signer }
greetings-text-festival-0 =
    Dear { $salutation },
    Happy { $occasion }! May this festival bring you joy and peace.
    — { $signer }
greetings-text-festival-1 =
    Dear { $salutation },
    Warm greetings on { $occasion }. Wishing your whole family health and happiness.
    — { $signer }
greetings-text-festival-2 =
    Dear { $salutation },
    { $occasion } is here: all the best to you and yours.
    — { $signer }
greetings-text-solar-term-0 =
    Dear { $salutation },
    It is { $occasion }. Take good care of yourself as the season turns.
    — { $signer }
greetings-text-solar-term-1 =
    Dear { $salutation },
    Warm wishes on { $occasion }: may the season treat you kindly.
    — { $signer }
greetings-text-solar-term-2 =
    Dear { $salutation },
    A small note for { $occasion }: stay well and keep warm.
    — { $signer }
greetings-text-western-0 =
    Dear { $salutation },
    Happy { $occasion }! Thinking of you and wishing you a wonderful day.
    — { $signer }
greetings-text-western-1 =
    Dear { $salutation },
    Warmest wishes on { $occasion }.
    — { $signer }
greetings-text-western-2 =
    Dear { $salutation },
    Wishing you a joyful { $occasion } with the people you love.
    — { $signer }
greetings-text-company-0 =
    Dear { $salutation },
    Today we celebrate { $occasion }, and I wanted to thank you for your friendship along the way.
    — { $signer }
greetings-text-company-1 =
    Dear { $salutation },
    On { $occasion } I think of the people who made the journey worthwhile, you among them. Thank you!
    — { $signer }
greetings-text-company-2 =
    Dear { $salutation },
    { $occasion }: a good day to say thank you. All the best to you.
    — { $signer }
greetings-text-seasonal-0 =
    Dear { $salutation },
    { $occasion }: wishing you a pleasant season and good health.
    — { $signer }
greetings-text-seasonal-1 =
    Dear { $salutation },
    Greetings for the season ({ $occasion }). Take care and enjoy it.
    — { $signer }
greetings-text-seasonal-2 =
    Dear { $salutation },
    Just a note to say hello this season ({ $occasion }). All the best!
    — { $signer }
greetings-text-birthday-0 =
    Dear { $salutation },
    Happy birthday! May the year ahead bring you health, joy and everything you wish for.
    — { $signer }
greetings-text-birthday-1 =
    Dear { $salutation },
    Warmest wishes on your birthday. Enjoy your special day!
    — { $signer }
greetings-text-birthday-2 =
    Dear { $salutation },
    Many happy returns of the day! Wishing you a wonderful year.
    — { $signer }

greetings-text-public-spring-festival-0 =
    Dear { $salutation },
    Happy Spring Festival! May the new year bring you and your family health, peace and joy.
    — { $signer }
greetings-text-public-spring-festival-1 =
    Dear { $salutation },
    Wishing you a happy Lunar New Year and a reunion full of warmth.
    — { $signer }
greetings-text-public-spring-festival-2 =
    Dear { $salutation },
    Best wishes for the New Year: may every day of it go your way.
    — { $signer }
greetings-text-public-mid-autumn-festival-0 =
    Dear { $salutation },
    Happy Mid-Autumn Festival! May the full moon bring your family together.
    — { $signer }
greetings-text-public-mid-autumn-festival-1 =
    Dear { $salutation },
    Under the Mid-Autumn moon I send you warm wishes for a happy reunion.
    — { $signer }
greetings-text-public-mid-autumn-festival-2 =
    Dear { $salutation },
    Wishing you a bright moon, sweet mooncakes and a happy Mid-Autumn.
    — { $signer }
greetings-text-public-dragon-boat-festival-0 =
    Dear { $salutation },
    Wishing you a safe and healthy Dragon Boat Festival.
    — { $signer }
greetings-text-public-dragon-boat-festival-1 =
    Dear { $salutation },
    Warm wishes for the Dragon Boat Festival: peace and good health to your family.
    — { $signer }
greetings-text-public-dragon-boat-festival-2 =
    Dear { $salutation },
    Enjoy the zongzi and the holiday! All the best for the Dragon Boat Festival.
    — { $signer }
greetings-text-public-national-day-0 =
    Dear { $salutation },
    Happy National Day! Enjoy the Golden Week with your family.
    — { $signer }
greetings-text-public-national-day-1 =
    Dear { $salutation },
    Warm wishes for the National Day holiday: rest well and travel safely.
    — { $signer }
greetings-text-public-national-day-2 =
    Dear { $salutation },
    Wishing you a joyful National Day and a relaxing holiday.
    — { $signer }
greetings-text-public-new-years-day-0 =
    Dear { $salutation },
    Happy New Year! Wishing you health and success in the year ahead.
    — { $signer }
greetings-text-public-new-years-day-1 =
    Dear { $salutation },
    All the best for the New Year. Thank you for the year we shared.
    — { $signer }
greetings-text-public-new-years-day-2 =
    Dear { $salutation },
    A new year begins: may it bring you and your family much happiness.
    — { $signer }

greetings-text-festival-lantern-0 =
    Dear { $salutation },
    Happy Lantern Festival! May your year be as bright as the lanterns tonight.
    — { $signer }
greetings-text-festival-lantern-1 =
    Dear { $salutation },
    Wishing you a sweet Lantern Festival and a happy family reunion.
    — { $signer }
greetings-text-festival-lantern-2 =
    Dear { $salutation },
    Full moon, bright lanterns, warm tangyuan: happy Lantern Festival!
    — { $signer }
greetings-text-festival-qixi-0 =
    Dear { $salutation },
    Happy Qixi! May you always be surrounded by love and warmth.
    — { $signer }
greetings-text-festival-qixi-1 =
    Dear { $salutation },
    Warm wishes on Qixi: happiness to you and the ones you love.
    — { $signer }
greetings-text-festival-qixi-2 =
    Dear { $salutation },
    On this Qixi evening I wish you a life full of sweet moments.
    — { $signer }
greetings-text-festival-double-ninth-0 =
    Dear { $salutation },
    Happy Double Ninth Festival! Wishing your elders and your whole family long life and health.
    — { $signer }
greetings-text-festival-double-ninth-1 =
    Dear { $salutation },
    On Double Ninth I wish you clear autumn skies and good health.
    — { $signer }
greetings-text-festival-double-ninth-2 =
    Dear { $salutation },
    Double Ninth greetings: may you and your family stay well and happy.
    — { $signer }
greetings-text-festival-laba-0 =
    Dear { $salutation },
    Happy Laba Festival! A warm bowl of Laba porridge and best wishes for the coming new year.
    — { $signer }
greetings-text-festival-laba-1 =
    Dear { $salutation },
    Laba is here and the new year is near: stay warm and well.
    — { $signer }
greetings-text-festival-laba-2 =
    Dear { $salutation },
    Warm Laba wishes to you and your family.
    — { $signer }
greetings-text-festival-little-new-year-0 =
    Dear { $salutation },
    Happy Little New Year! May the coming Spring Festival bring you every happiness.
    — { $signer }
greetings-text-festival-little-new-year-1 =
    Dear { $salutation },
    Little New Year greetings: the festive season begins, enjoy it!
    — { $signer }
greetings-text-festival-little-new-year-2 =
    Dear { $salutation },
    Wishing you a cosy Little New Year and a smooth run-up to the Spring Festival.
    — { $signer }
greetings-text-solar-term-winter-solstice-0 =
    Dear { $salutation },
    Happy Winter Solstice! Keep warm, and enjoy the dumplings with your family.
    — { $signer }
greetings-text-solar-term-winter-solstice-1 =
    Dear { $salutation },
    The longest night of the year: warm wishes to you and yours.
    — { $signer }
greetings-text-solar-term-winter-solstice-2 =
    Dear { $salutation },
    Winter Solstice greetings: from today the days grow longer. Stay well!
    — { $signer }

greetings-text-western-new-year-0 =
    Dear { $salutation },
    Happy New Year! May it be your best one yet.
    — { $signer }
greetings-text-western-new-year-1 =
    Dear { $salutation },
    Cheers to a new year full of health and good news.
    — { $signer }
greetings-text-western-new-year-2 =
    Dear { $salutation },
    Wishing you a bright start to the New Year.
    — { $signer }
greetings-text-western-valentine-0 =
    Dear { $salutation },
    Happy Valentine's Day! May your day be full of warmth and kindness.
    — { $signer }
greetings-text-western-valentine-1 =
    Dear { $salutation },
    Warm Valentine's wishes to you and the people dear to you.
    — { $signer }
greetings-text-western-valentine-2 =
    Dear { $salutation },
    A little note of friendship on Valentine's Day. All the best!
    — { $signer }
greetings-text-western-mothers-day-0 =
    Dear { $salutation },
    Happy Mother's Day to you and to the mothers in your family!
    — { $signer }
greetings-text-western-mothers-day-1 =
    Dear { $salutation },
    On Mother's Day, warm wishes to your whole family.
    — { $signer }
greetings-text-western-mothers-day-2 =
    Dear { $salutation },
    Wishing a lovely Mother's Day to you and yours.
    — { $signer }
greetings-text-western-fathers-day-0 =
    Dear { $salutation },
    Happy Father's Day to you and to the fathers in your family!
    — { $signer }
greetings-text-western-fathers-day-1 =
    Dear { $salutation },
    On Father's Day, warm wishes to your whole family.
    — { $signer }
greetings-text-western-fathers-day-2 =
    Dear { $salutation },
    Wishing a great Father's Day to you and yours.
    — { $signer }
greetings-text-western-christmas-0 =
    Dear { $salutation },
    Merry Christmas! Wishing you peace and joy this season.
    — { $signer }
greetings-text-western-christmas-1 =
    Dear { $salutation },
    Season's greetings and a merry Christmas to you and your family.
    — { $signer }
greetings-text-western-christmas-2 =
    Dear { $salutation },
    Warm Christmas wishes and a happy end of the year.
    — { $signer }

greetings-text-seasonal-spring-outing-0 =
    Dear { $salutation },
    Spring is here: a perfect time for an outing. Enjoy the flowers and the sunshine!
    — { $signer }
greetings-text-seasonal-spring-outing-1 =
    Dear { $salutation },
    Wishing you a fresh, cheerful spring and happy days outdoors.
    — { $signer }
greetings-text-seasonal-spring-outing-2 =
    Dear { $salutation },
    Spring greetings! May the new season bring you new joys.
    — { $signer }
greetings-text-seasonal-summer-0 =
    Dear { $salutation },
    Summer greetings! Stay cool and take good care of yourself in the heat.
    — { $signer }
greetings-text-seasonal-summer-1 =
    Dear { $salutation },
    Wishing you a relaxed summer and some well-earned rest.
    — { $signer }
greetings-text-seasonal-summer-2 =
    Dear { $salutation },
    A cool hello in the summer heat: all the best to you.
    — { $signer }
greetings-text-seasonal-autumn-0 =
    Dear { $salutation },
    Autumn greetings! Wishing you a golden, fruitful season.
    — { $signer }
greetings-text-seasonal-autumn-1 =
    Dear { $salutation },
    Crisp air and clear skies: enjoy the autumn, and stay well.
    — { $signer }
greetings-text-seasonal-autumn-2 =
    Dear { $salutation },
    A warm autumn hello to you and your family.
    — { $signer }
greetings-text-seasonal-deep-winter-0 =
    Dear { $salutation },
    Winter greetings! Keep warm and take good care of yourself.
    — { $signer }
greetings-text-seasonal-deep-winter-1 =
    Dear { $salutation },
    Wishing you a cosy winter with the people you love.
    — { $signer }
greetings-text-seasonal-deep-winter-2 =
    Dear { $salutation },
    A warm hello on a cold day: stay well this winter.
    — { $signer }
