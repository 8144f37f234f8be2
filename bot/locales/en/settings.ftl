settings-title = <b>Settings</b>
    Language: { $language }
    Timezone: { $timezone }
    Morning agenda: { $agenda } · evening check: { $evening }
    Team: { $team }
settings-language = 🌐 Language
settings-timezone = 🕒 Timezone
settings-language-prompt = Choose your language:
settings-timezone-prompt = Choose your timezone, or type its name (for example Europe/Paris):
settings-bad-language = That language is not available.
settings-bad-timezone = “{ $value }” is not a timezone I know. Type a name such as Asia/Shanghai or Europe/Paris.
settings-agenda = ☀️ Morning agenda
settings-evening = 🌙 Evening check
settings-time-prompt = { $which ->
    [evening] When should the evening check come? (now { $evening })
   *[agenda] When should the morning agenda come? (now { $agenda })
} Pick or type a time such as 7:45.
settings-bad-time-order = The evening check ({ $evening }) must come after the morning agenda ({ $agenda }).
