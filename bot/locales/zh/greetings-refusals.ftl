# Refusals of sales/greetings (the codes the domain raises); the flows' texts are in greetings.ftl.
greetings-card-gone = 这张问候卡已不在你的待办中。
greetings-card-withdrawn = { $name } 已不再接收贺卡（勿扰、已流失或退订）：这张贺卡已撤回，请不要寄出。
greetings-not-allowed = 只有团队经理可以这样做。
greetings-no-team = 请先加入团队。
greetings-bad-text = 问候语不能为空。
greetings-text-too-long = 问候语太长（最多 { $max } 个字）。
greetings-bad-lead = 提前天数须在 0 到 { $max } 之间。
greetings-bad-western = “{ $value }”不是可选的西方节日。
greetings-bad-pick = { $month } 月的选择无效。
greetings-bad-company-date = 公司纪念日无效（需要名称、月和日）。
greetings-bad-segment = “{ $value }”不是有效的客户分组。
