settings-title = <b>Settings</b>
    Language: { $language }
    Timezone: { $timezone }
    Team: { $team }
settings-language = 🌐 Language
settings-timezone = 🕒 Timezone
settings-language-prompt = Choose your language:
settings-timezone-prompt = Choose your timezone, or type its name (for example Europe/Paris):
settings-bad-language = That language is not available.
settings-bad-timezone = “{ $value }” is not a timezone I know. Type a name such as Asia/Shanghai or Europe/Paris.
