menu-visit = 📝 记录拜访
prospect-record-visit = 📝 记录拜访
visit-pick = <b>记录拜访</b>
    选择客户（重要的在前），或输入姓名搜索：
visit-no-hits = 没有找到。换个写法、拼音或电话数字试试。
visit-ask-channel = 与 <b>{ $name }</b> 的联系方式？
visit-channel-visit = 🤝 面谈
visit-channel-call = 📞 电话
visit-channel-message = 💬 消息
visit-channel-mail = ✉️ 邮寄
visit-channel-other = ➖ 其他
visit-ask-day = 哪一天？（今天是 { $today }）
visit-today = 今天
visit-yesterday = 昨天
visit-calendar = 📅 其他日期
visit-ask-outcome = 与 <b>{ $name }</b> 的结果如何？
visit-outcome-no-answer = 无人接听
visit-outcome-not-interested = 没兴趣
visit-outcome-interested = 有兴趣
visit-outcome-appointment = 已约见
visit-outcome-met = 已面谈
visit-outcome-quoted = 已报价
visit-outcome-won = 成交 🎉
visit-outcome-lost = 流失
visit-ask-amount = 报价金额是多少？（例如 12000、12,000 USD、¥8000）
visit-ask-reason = 流失原因？（可跳过）
visit-ask-details = 备注：可发送文字、照片（名片、门头）或共享位置。完成后点“下一步”。
    备注：{ $notes } · 照片：{ $photo } · 位置：{ $located }
visit-details-kinds = 请发送文字、照片或位置。
visit-next-step = 下一步 ▶
visit-ask-stage = 结果“{ $outcome }”：把 <b>{ $name }</b> 改为 <b>{ $proposed }</b> 阶段吗？
visit-ask-man = { $name } 的 MAN 评估还有未知项：{ $letter ->
    [M] <b>购买力</b>：付得起吗？
    [A] <b>决定权</b>：能做决定吗？
   *[N] <b>需求</b>：需要吗？
}
visit-ask-next = 下次什么时候联系 <b>{ $name }</b>？
visit-suggested = ⭐ { $suggested }（{ $reason }）
visit-quick-tomorrow = 明天
visit-quick-3d = 3 天后
visit-quick-1w = 1 周后
visit-quick-2w = 2 周后
visit-quick-1m = 1 个月后
visit-no-next = 暂无下一步
visit-ask-time = { $due_on } 几点？到时我会提醒您。（也可输入例如 9:30）
visit-no-time = 不定时间
visit-bad-time = “{ $value }”不是时间。请输入例如 9:30 或 14:00。
visit-ask-next-text = 到时要做什么？（可跳过）
visit-done = ✅ 已保存与 <b>{ $name }</b> 的拜访（{ $outcome }，{ $day }）。下一步：{ $due_on } { $due_time }
visit-future = 拜访日期不能在未来。
visit-too-old = 已超过 { $days } 天：更早的记录请写进客户卡备注。
visit-bad-amount = “{ $value }”不是金额。请发送数字，可带币种。
visit-next-past = 下一步不能在过去。
cadence-too-dense = 🐢 提醒：这样 { $days } 天内会联系 { $count } 次。施压不等于跟进，给客户一些空间。
cadence-too-soon = 🐢 提醒：距上次联系只有 { $days } 天；对这位客户，至少间隔 { $min } 天效果更好。
cadence-outside-window = 🕘 { $at } 不在客户方便的时间（{ $start }-{ $end }）。
cadence-not-prospect = 按 MAN 规则这不是潜在客户：可以考虑不安排下一步并设为休眠。
cadence-reason-retry = 尽快再试
cadence-reason-service = 成交后保持联系
cadence-reason-win-back = 争取挽回
cadence-reason-revive = 唤醒休眠客户
cadence-reason-appointment = 确认约见
cadence-reason-priority = 最高优先：保持势头
cadence-reason-develop = 发展关系
cadence-reason-nurture = 长期培养
cadence-reason-qualify = 完成 MAN 评估
