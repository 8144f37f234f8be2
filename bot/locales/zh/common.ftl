common-back = ◀ 返回
common-done = ✓ 完成
common-text-expected = 请用文字回复。
cmd-start = 打开主菜单
cmd-menu = 主菜单
cmd-settings = 语言和时区
cmd-help = 使用说明
cmd-cancel = 退出当前步骤（已保存的数据不受影响）
cmd-bind = 把本群设为团队日报群
gate-unregistered = 您好！本助手仅供已注册的销售团队使用，请向您的经理索取邀请链接。
cancel-done = 已取消。您保存过的内容都还在。
errors-stale = 这个按钮属于之前的界面，已为您重新打开主菜单。
errors-unexpected = 抱歉，系统出了点问题。您保存过的内容都还在，请再试一次。
fallback-unknown = 没看懂这条消息。发送 /menu 查看我能做什么。
fallback-button = 这个按钮已失效。
role-name = { $role ->
    [admin] 管理员
    [manager] 经理
   *[rep] 销售代表
}
common-use-buttons = 请使用下方按钮（或发送 /cancel 退出）。
common-answer = { $value ->
    [yes] 是
    [no] 否
   *[unknown] 不知道
}
cmd-unknown = 没有 { $command } 这个命令。可用的命令：
    { $commands }
