settings-title = <b>设置</b>
    语言：{ $language }
    时区：{ $timezone }
    团队：{ $team }
settings-language = 🌐 语言
settings-timezone = 🕒 时区
settings-language-prompt = 请选择语言：
settings-timezone-prompt = 请选择时区，或直接输入时区名称（例如 Europe/Paris）：
settings-bad-language = 暂不支持这种语言。
settings-bad-timezone = “{ $value }”不是可识别的时区。请输入例如 Asia/Shanghai 或 Europe/Paris 的名称。
