cmd-digest = 今日日报（或 /digest 年-月-日）
cmd-report = 本周图表
digest-head = 📊 <b>{ $team }</b> · 日报 { $day }
digest-head-rep = 📊 <b>{ $name }</b> · 您的一天 { $day }
digest-team = <b>团队</b> · { $reps } 名业务员
    🆕 新增客户：{ $new }/{ $target }
    🤝 记录的接触：{ $contacts }（拜访 { $visits }）
    ✅ 已完成跟进：{ $done } · ⏰ 逾期：{ $overdue }
    💤 { $days } 天以上未联系：{ $stale }
    ✉️ 已寄贺卡：{ $sent } · 待寄：{ $due }
    🏆 今日成交：{ $won }
digest-funnel = 📈 漏斗：{ $funnel }
digest-rep = 👤 <b>{ $name }</b>
    🆕 新增：{ $new }/{ $target } { $methods }
    🤝 接触：{ $contacts }（拜访 { $visits }）
    ✅ 已完成跟进：{ $done } · ⏰ 逾期：{ $overdue }
    💤 { $days } 天以上未联系：{ $stale }
    ✉️ 已寄贺卡：{ $sent } · 待寄：{ $due }
digest-referrals = 🔗 请求引荐：{ $asked } · 获得名单：{ $received } · 应付奖励：{ $owed } · 逾期：{ $overdue }
digest-top = ⭐ <b>重点客户</b>
digest-top-line = { $rank }. { $name_html }（{ $owner }，{ $stage }，{ $score }）
digest-attention = ⚠️ <b>需要关注</b>
digest-attention-overdue = • { $who }：{ $name_html } 的跟进已逾期 { $days } 天
digest-attention-idle = • { $who }：今天没有任何记录
digest-attention-unanswered = • { $who }：{ $count } 条提醒未处理
digest-attention-big-quote = • { $who }：{ $name_html } 已报价 { $amount }，没有下一步
digest-attention-reward = • { $who }：{ $count } 笔引荐奖励逾期未付
digest-nothing = 暂无
digest-not-allowed = 日报只发给本团队的经理。
digest-no-team = 您不属于任何团队，没有日报。
digest-bad-date = “{ $value }”不是日期：请发送 /digest 或 /digest 年-月-日（如 2026-12-01）。
digest-future = { $value } 还没有到。
digest-bad-settings = 日报设置无效。
report-caption = 📊 <b>{ $team }</b> · { $first } 至 { $last } 周报
    🆕 新增客户：{ $new } · 🤝 接触：{ $contacts } · 🏆 成交：{ $won }
report-empty = 📊 <b>{ $team }</b>：{ $first } 至 { $last } 没有任何记录，本周没有图表。
report-chart-funnel = 漏斗：各阶段客户数
report-chart-activity = 每位业务员每天的接触次数
report-chart-methods = 各寻找方法的成交转化
report-chart-greetings = 贺卡覆盖率（直接邮寄，近 12 个月）
report-chart-referrals = 引荐成效（近 12 个月获得的名单）
report-axis-prospects = 客户数
report-axis-won = 成交
report-axis-contacts = 接触
report-axis-enrolled = 直接邮寄
report-axis-greeted = 已寄贺卡
report-axis-received = 获得名单
