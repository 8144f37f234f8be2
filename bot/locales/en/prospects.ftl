menu-new-prospect = ➕ New prospect
menu-search = 🔎 Search
menu-mine = 📋 My prospects
common-skip = Skip ⏭
common-cancel = ✖ Cancel
answer-yes = ✅ Yes
answer-no = ❌ No
answer-unknown = ❔ Don't know
card-title = <b>{ $name }</b> { $kind ->
    [org] (organisation)
   *[person] {""}
}
card-field = { $label }: { $value }
card-method = How found: { $method }
card-decision = Contact decides: { $answer ->
    [yes] yes
    [no] no
   *[unknown] don't know
}
card-flags = Direct mail: { $mail ->
    [yes] on
   *[no] off
} · do not contact: { $dnc ->
    [yes] YES
   *[no] no
}
card-verdict = MAN { $code }: <b>{ $verdict }</b> (class { $cls })
    👉 { $advice }
card-lunar = { $date } (lunar{ $leap ->
    [yes] , leap month
   *[no] {""}
})
field-name = Name
field-company = Company
field-contact = Contact person
field-phone = Phone
field-wechat = WeChat
field-email = Email
field-address = Mailing address
field-birthday = Birthday
field-contact-time = Best time to call
field-needs = Needs
field-tags = Tags
field-notes = Notes
field-stage = Stage
field-man = MAN
field-method = Source
field-decision-maker = Contact decides
field-direct-mail = Direct mail
field-do-not-contact = Do not contact
field-referred-by-name = Referred by
method-cold-canvass = Door to door
method-referral = Referral
method-center-of-influence = Centre of influence
method-agent = Agent / scout
method-direct-mail = Direct mail
method-telephone = Telephone
method-snowball = Snowball
method-records = Directories / records
method-market-consulting = Market consulting
method-observation = Own observation
method-advertising = Advertising / web
method-relationships = Friends and family
method-exhibition = Trade fair / seminar
method-inherited = Inherited accounts
stage-new = New
stage-qualified = Qualified
stage-appointment = Appointment
stage-met = Met
stage-won = Won
stage-lost = Lost
stage-dormant = Dormant
man-verdict-ideal = ideal prospect
man-verdict-worth-contacting = worth contacting
man-verdict-nurture = nurture
man-verdict-not-prospect = not a prospect
man-verdict-unqualified = not qualified yet
man-advice-yyy = Pursue now, top priority.
man-advice-yyn = Skilled selling can create the need.
man-advice-yny = Find the person who decides.
man-advice-nny = Check their business and credit; offer financing.
man-advice-nyy = Watch over time until they can pay.
man-advice-nyn = Watch over time.
man-advice-ynn = Watch over time.
man-advice-nnn = Stop contacting.
man-advice-ask = Ask the open MAN questions on your next contact.
man-bad-code = “{ $value }” is not a MAN code (three letters M, A, N; small = no, ? = unknown).
newp-kind = { $kind ->
    [organisation] 🏢 Organisation (tap for person)
   *[individual] 👤 Person (tap for organisation)
}
newp-step-name = <b>New prospect</b>
    Send the { $kind ->
        [organisation] company name
       *[individual] person's name
    }:
newp-step-contact = Contact person at { $name }? (or skip)
newp-step-decision = Does the contact person decide the purchase?
newp-step-phone = Phone number of { $name }? (or skip)
newp-step-method = How did you find { $name }?
newp-step-referrer = Who referred { $name }? Type a name: I will look among your prospects, or add them as a new contact.
newp-ref-new = ➕ New contact
newp-step-man-m = <b>M</b>oney: can { $name } pay for it?
newp-step-man-a = <b>A</b>uthority: does { $name } decide the purchase?
newp-step-man-n = <b>N</b>eed: does { $name } need it?
newp-summary = { $card_html }

    Tap a field to fill or change it, then save.
newp-save = 💾 Save
newp-save-anyway = 💾 Save anyway
newp-mail = ✉️ Direct mail: { $mail ->
    [yes] on
   *[no] off
}
newp-dnc = ⛔ Do not contact: { $dnc ->
    [yes] on
   *[no] off
}
newp-method = 🧭 How found
newp-man-redo = 🎯 Qualify (MAN)
newp-edit-field = { $field_prompt }
newp-lunar = 🌙 Lunar calendar: { $lunar ->
    [yes] on
   *[no] off
}
newp-clear = 🗑 Clear
newp-ask-name = Send the name:
newp-ask-company = Send the company name:
newp-ask-contact = Send the contact person's name:
newp-ask-phone = Send the phone number (e.g. 138 1234 5678 or +49 30 1234567):
newp-ask-wechat = Send the WeChat id:
newp-ask-email = Send the email address:
newp-ask-address = Send the mailing address (for greeting cards):
newp-ask-birthday = Send the birthday as YYYY-MM-DD or MM-DD (year optional):
newp-ask-contact-time = When is a good time to call? (e.g. 9-11, 14:00-17:00, morning)
newp-ask-needs = What do they need?
newp-ask-tags = Send tags separated by commas:
newp-ask-notes = Send your notes:
newp-ask-referred-by-name = Who referred them?
newp-duplicates = <b>Possible duplicates</b> found before saving:
    { $matches_html }
    Open one of yours, or save anyway.
newp-match-line = • { $name } — owner { $owner }, last contact { $last } ({ $kind ->
    [strong] same phone/contact
   *[possible] similar name
})
newp-done = ✅ Saved.
    { $card_html }
newp-open-card = 📇 Open card
newp-another = ➕ Another one
prospect-not-found = This prospect does not exist or is not yours to see.
prospect-card = { $card_html }
    Stage: <b>{ $stage }</b> · owner: { $owner } · last contact: { $last }
    Next step: { $next } · last quote: { $quote }
prospect-edit = ✏️ Edit
prospect-man = 🎯 MAN
prospect-stage = 📶 Stage
prospect-history = 🕘 History
prospect-reassign = 👥 Reassign
prospect-edit-pick = Which field?
prospect-man-title = Re-qualify: tap the new answers (M { $m }, A { $a }, N { $n }).
    { $card_html }
prospect-man-money = M: { $value ->
    [yes] ✅
    [no] ❌
   *[unknown] ❔
}
prospect-man-authority = A: { $value ->
    [yes] ✅
    [no] ❌
   *[unknown] ❔
}
prospect-man-need = N: { $value ->
    [yes] ✅
    [no] ❌
   *[unknown] ❔
}
prospect-stage-pick = Move to which stage? (now: { $stage })
prospect-history-text = <b>Contacts</b>
    { $contacts_html }
    <b>Changes</b>
    { $history_html }
prospect-contact-line = { $day } { $channel }: { $outcome } { $notes }
prospect-history-line = { $at } { $who }: { $kind ->
    [created] created
    [owner] new owner
    [pool] back to the team pool
    [claim] taken from the team pool
    [visit] { $field }: { $new }
   *[other] { $field } { $old } → { $new }
}
prospect-history-more = … and { $n } earlier
prospect-reassign-pick = Give this prospect (with its history) to:
prospect-assigned-to-you = 📥 { $by } handed you the prospect <b>{ $name }</b>. Find it under 📋 My prospects.
prospect-bad-answer = “{ $value }” is not yes, no or don't know.
prospect-bad-birthday = “{ $value }” is not a date that exists. Use YYYY-MM-DD or MM-DD.
prospect-birthday-future = “{ $value }” is in the future. Please check the year.
prospect-bad-contact-time = “{ $value }” is not a time window. Try 9-11 or 14:00-17:00.
prospect-bad-email = “{ $value }” is not an email address.
prospect-bad-field = That field cannot be changed here.
prospect-bad-method = “{ $value }” is not a prospecting method I know.
prospect-bad-name = Please send a real name (letters, not only emoji or digits).
prospect-bad-owner = That person cannot take over these prospects.
prospect-bad-phone = “{ $value }” is not a valid phone number. Check the digits (with country code for foreign numbers).
prospect-bad-wechat = “{ $value }” is not a WeChat id (6-20 characters starting with a letter, or a phone number).
prospect-contact-needs-org = Only organisations have a contact person.
prospect-mail-needs-address = Direct mail needs a mailing address first.
prospect-mail-dnc = This prospect asked not to be contacted.
prospect-mail-needs-handle = Message greetings need a phone, WeChat or email first.
prospect-bad-greeting-language = “{ $value }” is not a greeting language (zh or en).
prospect-bad-greeting-channel = “{ $value }” is not a greeting channel (postal or message).
prospect-no-team = You are not in a team yet, so you cannot keep prospects.
prospect-not-allowed = Only managers can hand over prospects.
prospect-referrer-not-allowed = A referrer is recorded only for referral-type methods.
prospect-same-owner = Pick two different people.
prospect-too-long = That is too long (at most { $max } characters). Please shorten it.
prospect-too-many-tags = At most { $max } tags, please.
find-ask = Type a name, company, phone digits or pinyin:
find-results = 🔎 “{ $query }”: { $count } found.
find-offer = ➕ New prospect: { $offer_name } { $offer_phone }
find-mine = 📋 <b>My prospects</b> ({ $count }), most promising first.
    Stage: { $stage_name } · class: { $class_name } · method: { $method_name }
find-stage = Stage
find-class = Class
find-method = Method
find-pick-stage = Show which stage?
find-pick-class = Show which MAN class?
find-pick-method = Show which method?
find-filter-all = all
import-bad-file = I cannot read “{ $name }” as a table. Send a CSV or an Excel (.xlsx) file.
import-bad-encoding = I cannot read the text encoding of this file. Save it as CSV UTF-8 or as .xlsx.
import-empty = The file has no rows to import.
import-too-big = The file is larger than { $max } MB. Split it into smaller files.
import-too-many-rows = At most { $max } rows per file, please split it.
import-no-name-column = I found no name or company column. Put a header row such as Name / 姓名, Company / 公司, Phone / 电话.
import-row-no-name = no name or company
import-preview = 📥 <b>Import “{ $file }”</b>
    Ready to create: <b>{ $ready }</b> · duplicates skipped: { $duplicates } · rejected rows: { $rejected }
    First rows:
    { $preview }
    Rejected:
    { $rejected_list }
import-confirm = ✅ Import { $ready }
import-running = ⏳ Importing… { $progress }
import-done = ✅ Import finished: { $created } prospects created.
    Skipped as duplicates (rows): { $skipped }
    Rejected:
    { $rejected_list }
import-row-line = row { $row }: { $reason }
import-busy = 📎 A file starts an import, but you are in the middle of something. Finish it (or send /cancel), then send the file again. What you typed is kept.
