menu-new-prospect = ➕ 新客户
menu-search = 🔎 搜索
menu-mine = 📋 我的客户
common-skip = 跳过 ⏭
common-cancel = ✖ 取消
answer-yes = ✅ 是
answer-no = ❌ 否
answer-unknown = ❔ 不知道
card-title = <b>{ $name }</b> { $kind ->
    [org] （团体）
   *[person] {""}
}
card-field = { $label }：{ $value }
card-method = 来源：{ $method }
card-decision = 联系人有决定权：{ $answer ->
    [yes] 是
    [no] 否
   *[unknown] 不知道
}
card-flags = 直接邮寄：{ $mail ->
    [yes] 开
   *[no] 关
} · 勿扰：{ $dnc ->
    [yes] 是
   *[no] 否
}
card-verdict = MAN { $code }：<b>{ $verdict }</b>（{ $cls } 类）
    👉 { $advice }
card-lunar = { $date }（农历{ $leap ->
    [yes] ，闰月
   *[no] {""}
}）
field-name = 姓名
field-company = 公司
field-contact = 联系人
field-phone = 电话
field-wechat = 微信
field-email = 邮箱
field-address = 邮寄地址
field-birthday = 生日
field-contact-time = 方便联系时间
field-needs = 需求
field-tags = 标签
field-notes = 备注
field-stage = 阶段
field-man = MAN
field-method = 来源
field-decision-maker = 联系人有决定权
field-direct-mail = 直接邮寄
field-do-not-contact = 勿扰
field-referred-by-name = 引荐人
method-cold-canvass = 逐户寻访
method-referral = 客户引荐
method-center-of-influence = 光辉效应
method-agent = 代理人
method-direct-mail = 直接邮寄
method-telephone = 电话营销
method-snowball = 滚雪球
method-records = 资料查阅
method-market-consulting = 市场咨询
method-observation = 个人观察
method-advertising = 广告探查
method-relationships = 关系拓展
method-exhibition = 展览会/讨论会
method-inherited = 接收前任客户
stage-new = 新客户
stage-qualified = 已评估
stage-appointment = 已约见
stage-met = 已面谈
stage-won = 已成交
stage-lost = 已流失
stage-dormant = 休眠
man-verdict-ideal = 有望客户
man-verdict-worth-contacting = 值得接触
man-verdict-nurture = 长期培养
man-verdict-not-prospect = 非潜在客户
man-verdict-unqualified = 尚未评估完
man-advice-yyy = 立即跟进，最高优先。
man-advice-yyn = 运用推销技巧可以激发需求。
man-advice-yny = 找到有决定权的人。
man-advice-nny = 了解其经营与信用状况，可提供分期或融资。
man-advice-nyy = 长期观察，等待其具备购买力。
man-advice-nyn = 长期观察。
man-advice-ynn = 长期观察。
man-advice-nnn = 停止接触。
man-advice-ask = 下次联系时问清尚未确定的 MAN 问题。
man-bad-code = “{ $value }”不是 MAN 代码（三个字母 M、A、N；小写表示否，? 表示未知）。
newp-kind = { $kind ->
    [organisation] 🏢 团体（点此改为个人）
   *[individual] 👤 个人（点此改为团体）
}
newp-step-name = <b>新客户</b>
    请发送{ $kind ->
        [organisation] 公司名称
       *[individual] 姓名
    }：
newp-step-contact = { $name } 的联系人是谁？（可跳过）
newp-step-decision = 联系人有购买决定权吗？
newp-step-phone = { $name } 的电话号码？（可跳过）
newp-step-method = 您是怎样找到 { $name } 的？
newp-step-referrer = 谁引荐了 { $name }？请输入姓名：我会在您的客户中查找，或新建为联系人。
newp-ref-new = ➕ 新建联系人
newp-step-man-m = <b>M</b> 购买力：{ $name } 付得起吗？
newp-step-man-a = <b>A</b> 决定权：{ $name } 能决定购买吗？
newp-step-man-n = <b>N</b> 需求：{ $name } 需要吗？
newp-summary = { $card_html }

    点字段可填写或修改，然后保存。
newp-save = 💾 保存
newp-save-anyway = 💾 仍然保存
newp-mail = ✉️ 直接邮寄：{ $mail ->
    [yes] 开
   *[no] 关
}
newp-dnc = ⛔ 勿扰：{ $dnc ->
    [yes] 开
   *[no] 关
}
newp-method = 🧭 来源
newp-man-redo = 🎯 评估（MAN）
newp-edit-field = { $field_prompt }
newp-lunar = 🌙 农历：{ $lunar ->
    [yes] 开
   *[no] 关
}
newp-clear = 🗑 清空
newp-ask-name = 请发送姓名：
newp-ask-company = 请发送公司名称：
newp-ask-contact = 请发送联系人姓名：
newp-ask-phone = 请发送电话号码（例如 138 1234 5678 或 +49 30 1234567）：
newp-ask-wechat = 请发送微信号：
newp-ask-email = 请发送邮箱地址：
newp-ask-address = 请发送邮寄地址（用于寄贺卡）：
newp-ask-birthday = 请按 YYYY-MM-DD 或 MM-DD 发送生日（年份可省略）：
newp-ask-contact-time = 什么时候方便联系？（例如 9-11、14:00-17:00、上午）
newp-ask-needs = 客户有什么需求？
newp-ask-tags = 请发送标签，用逗号分隔：
newp-ask-notes = 请发送备注：
newp-ask-referred-by-name = 引荐人是谁？
newp-duplicates = 保存前发现<b>可能重复</b>的客户：
    { $matches_html }
    可以打开您自己的客户，或仍然保存。
newp-match-line = • { $name } — 负责人 { $owner }，最近联系 { $last }（{ $kind ->
    [strong] 电话/联系方式相同
   *[possible] 名称相似
}）
newp-done = ✅ 已保存。
    { $card_html }
newp-open-card = 📇 打开客户卡
newp-another = ➕ 再录一个
prospect-not-found = 该客户不存在，或您无权查看。
prospect-card = { $card_html }
    阶段：<b>{ $stage }</b> · 负责人：{ $owner } · 最近联系：{ $last }
    下一步：{ $next } · 最近报价：{ $quote }
prospect-edit = ✏️ 修改
prospect-man = 🎯 MAN
prospect-stage = 📶 阶段
prospect-history = 🕘 历史
prospect-reassign = 👥 转交
prospect-edit-pick = 修改哪个字段？
prospect-man-title = 重新评估：点选新的答案（M { $m }，A { $a }，N { $n }）。
    { $card_html }
prospect-man-money = M：{ $value ->
    [yes] ✅
    [no] ❌
   *[unknown] ❔
}
prospect-man-authority = A：{ $value ->
    [yes] ✅
    [no] ❌
   *[unknown] ❔
}
prospect-man-need = N：{ $value ->
    [yes] ✅
    [no] ❌
   *[unknown] ❔
}
prospect-stage-pick = 改为哪个阶段？（当前：{ $stage }）
prospect-history-text = <b>联系记录</b>
    { $contacts_html }
    <b>变更记录</b>
    { $history_html }
prospect-contact-line = { $day } { $channel }：{ $outcome } { $notes }
prospect-history-line = { $at } { $who }：{ $kind ->
    [created] 创建
    [owner] 更换负责人
    [pool] 退回公海
    [claim] 从公海领取
    [visit] { $field }：{ $new }
   *[other] { $field } { $old } → { $new }
}
prospect-history-more = …… 以及更早的 { $n } 条
prospect-reassign-pick = 把该客户（连同历史记录）转交给：
prospect-assigned-to-you = 📥 { $by } 把客户 <b>{ $name }</b> 转交给了您，可在 📋 我的客户 中找到。
prospect-bad-answer = “{ $value }”不是“是”“否”或“不知道”。
prospect-bad-birthday = “{ $value }”不是存在的日期。请用 YYYY-MM-DD 或 MM-DD。
prospect-birthday-future = “{ $value }”在未来，请检查年份。
prospect-bad-contact-time = “{ $value }”不是时间段。请写成 9-11 或 14:00-17:00。
prospect-bad-email = “{ $value }”不是邮箱地址。
prospect-bad-field = 这里不能修改该字段。
prospect-bad-method = “{ $value }”不是已知的寻找客户方法。
prospect-bad-name = 请发送真实的名称（要有文字，不能只有表情或数字）。
prospect-bad-owner = 此人不能接手这些客户。
prospect-bad-phone = “{ $value }”不是有效的电话号码。请检查数字（外国号码请加国家代码）。
prospect-bad-wechat = “{ $value }”不是微信号（以字母开头的 6-20 个字符，或手机号）。
prospect-contact-needs-org = 只有团体客户才有联系人。
prospect-mail-needs-address = 开启直接邮寄前请先填写邮寄地址。
prospect-mail-dnc = 该客户要求勿扰。
prospect-mail-needs-handle = 消息问候需要先填写电话、微信或邮箱。
prospect-bad-greeting-language = “{ $value }”不是问候语言（中文或英文）。
prospect-bad-greeting-channel = “{ $value }”不是问候方式（邮寄或消息）。
prospect-no-team = 您还不属于任何团队，暂时不能管理客户。
prospect-not-allowed = 只有经理可以转交客户。
prospect-referrer-not-allowed = 只有引荐类来源才记录引荐人。
prospect-same-owner = 请选择两个不同的人。
prospect-too-long = 内容太长（最多 { $max } 个字符），请精简。
prospect-too-many-tags = 标签最多 { $max } 个。
find-ask = 请输入姓名、公司、电话数字或拼音：
find-results = 🔎 “{ $query }”：找到 { $count } 个。
find-offer = ➕ 新客户：{ $offer_name } { $offer_phone }
find-mine = 📋 <b>我的客户</b>（{ $count }），最有希望的在前。
    阶段：{ $stage_name } · 类别：{ $class_name } · 来源：{ $method_name }
find-stage = 阶段
find-class = 类别
find-method = 来源
find-pick-stage = 显示哪个阶段？
find-pick-class = 显示哪一类 MAN？
find-pick-method = 显示哪种来源？
find-filter-all = 全部
import-bad-file = 无法把“{ $name }”读成表格。请发送 CSV 或 Excel（.xlsx）文件。
import-bad-encoding = 无法识别该文件的文字编码。请另存为 CSV UTF-8 或 .xlsx。
import-empty = 文件里没有可导入的行。
import-too-big = 文件超过 { $max } MB，请拆分成小文件。
import-too-many-rows = 每个文件最多 { $max } 行，请拆分。
import-no-name-column = 没有找到姓名或公司列。请加上表头，例如 姓名/Name、公司/Company、电话/Phone。
import-row-no-name = 缺少姓名或公司
import-preview = 📥 <b>导入“{ $file }”</b>
    可新建：<b>{ $ready }</b> · 跳过重复：{ $duplicates } · 拒绝行数：{ $rejected }
    前几行：
    { $preview }
    被拒绝：
    { $rejected_list }
import-confirm = ✅ 导入 { $ready } 个
import-running = ⏳ 正在导入… { $progress }
import-done = ✅ 导入完成：新建 { $created } 个客户。
    因重复跳过（行号）：{ $skipped }
    被拒绝：
    { $rejected_list }
import-row-line = 第 { $row } 行：{ $reason }
import-busy = 📎 发送文件会开始导入，但您正在进行其他操作。请先完成（或发送 /cancel），再重新发送文件。已输入的内容都还在。
