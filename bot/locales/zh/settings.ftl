settings-title = <b>设置</b>
    语言：{ $language }
    时区：{ $timezone }
    早间安排：{ $agenda } · 晚间检查：{ $evening }
    团队：{ $team }
settings-language = 🌐 语言
settings-timezone = 🕒 时区
settings-language-prompt = 请选择语言：
settings-timezone-prompt = 请选择时区，或直接输入时区名称（例如 Europe/Paris）：
settings-bad-language = 暂不支持这种语言。
settings-bad-timezone = “{ $value }”不是可识别的时区。请输入例如 Asia/Shanghai 或 Europe/Paris 的名称。
settings-agenda = ☀️ 早间安排
settings-evening = 🌙 晚间检查
settings-time-prompt = { $which ->
    [evening] 晚间检查几点发送？（当前 { $evening }）
   *[agenda] 早间安排几点发送？（当前 { $agenda }）
}请选择或输入时间，例如 7:45。
settings-bad-time-order = 晚间检查（{ $evening }）必须晚于早间安排（{ $agenda }）。
