cmd-away = 暂停提醒：/away 开始日期 结束日期，或 /away off
agenda-text = ☀️ <b>今日安排，{ $day }</b>
    <b>今天要跟进</b>
    { $today_html }
    <b>已逾期</b>
    { $overdue_html }
    🎯 今日新客户：{ $done }/{ $target }
agenda-line = • { $when } <b>{ $name }</b> { $text }
prospecting-text = 🔎 <b>今天是新客户开发日！</b>去寻找新客户吧。
    值得重新联系的休眠客户：{ $revive }
    最近用得最少的方法：{ $methods }
evening-text = 🌙 <b>晚间检查</b>
    今天到期仍未完成的跟进：{ $open }
    今日新客户：{ $done }/{ $target }{ $remaining ->
        [0] {""}
       *[other] ——还差 { $remaining } 个。
    }
    收工前记得记录今天的联系：📝 记录拜访。
reminder-text = ⏰ 跟进 <b>{ $name }</b> { $at }
    { $text }
reminder-done = 📝 完成：去记录
reminder-open = 📇 打开客户卡
reminder-hour = 💤 1 小时后
reminder-tomorrow = 💤 明天
reminder-snoozed = 我会在 { $at } 再提醒您。
reminder-gone = 这个提醒已经不再有效。
away-set = 🏖 已暂停提醒：{ $first } 至 { $last }。回来后我会汇总待办事项。
away-off = 提醒已恢复。
away-usage = 请发送 /away 开始日期 结束日期，例如 2026-12-01 2026-12-05（也可只写一天），或 /away off。
away-bad-range = 结束日期不能早于开始日期，且最长 { $max } 天。
away-in-past = 这段时间已经过去了。
away-back = 👋 欢迎回来！{ $count ->
    [0] 没有待办事项。
   *[other] 有 { $count } 个跟进在等您：请看 📋 我的客户 或早间安排。
}
agenda-more = ……还有 { $n } 个：请看 📋 我的客户。
