common-back = ◀ Back
common-done = ✓ Done
common-text-expected = Please send this as text.
cmd-start = Open the main menu
cmd-menu = Main menu
cmd-settings = Language and timezone
cmd-help = What this bot does
cmd-cancel = Leave the current step (saved data stays)
cmd-bind = Make this group the team's digest chat
gate-unregistered = Hello! This assistant is for registered sales teams: please ask your manager for an invite link.
cancel-done = Cancelled. Nothing you saved was lost.
errors-stale = That button belonged to an earlier screen, so here is the main menu again.
errors-unexpected = Sorry, something went wrong on our side. Nothing you saved is lost; please try again.
fallback-unknown = I did not understand that. Send /menu to see what I can do.
fallback-button = This button is no longer active.
role-name = { $role ->
    [admin] admin
    [manager] manager
   *[rep] sales rep
}
common-use-buttons = Please use the buttons below (or /cancel to leave).
common-answer = { $value ->
    [yes] yes
    [no] no
   *[unknown] don't know
}
cmd-unknown = { $command } is not a command I know. These are:
    { $commands }
