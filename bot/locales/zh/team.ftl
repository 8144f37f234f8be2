team-list-title = <b>团队</b>（{ $count }）
    选择一个团队来邀请成员或查看已加入的人。
team-new = ➕ 新建团队
team-new-prompt = 请发送新团队的名称：
team-card = <b>{ $team }</b>
    时区：{ $timezone } · 国家：{ $country } · 语言：{ $language }
    在职成员：{ $members }
    日报群：{ $bound ->
        [yes] 已绑定
       *[no] 未绑定（把我拉进团队群并在群里发送 /bind）
    }
team-invite-rep = ➕ 邀请销售代表
team-invite-manager = ➕ 邀请经理
team-members = 👥 成员
team-invite-text = <b>{ $team }</b> 的{ role-name }邀请链接，{ $days } 天内有效，仅限一人使用：
    { $link }
    转发给对方，打开即可完成注册。
team-members-text = <b>{ $team }</b> 成员
    { $list }
team-not-allowed = 只有管理员或本团队的经理可以这样做。
team-not-found = 该团队不存在，或您无权管理。
team-bad-name = 团队名称需为 1 到 { $max } 个字符，请重新发送。
team-bad-timezone = “{ $value }”不是可识别的时区。
team-bad-country = “{ $value }”不是可识别的国家代码（请用两个字母，例如 CN）。
team-bad-language = 不支持语言“{ $value }”（可选 zh 或 en）。
team-exists = 已有名为“{ $name }”的团队，请换一个名称。
invite-no-team = 该团队不存在。
invite-not-allowed = 您不能以该角色邀请成员加入这个团队。
invite-bad-days = 邀请链接的有效期为 1 到 { $max } 天。
user-not-found = 没有 Telegram ID 为 { $id } 的用户。
user-not-allowed = 您无权修改此人。
team-handover = 🔁 转交客户
team-handover-from = 要转交谁的客户（例如已离职的同事）？
team-handover-to = 由谁接手（连同全部历史记录）？
team-handover-done = ✅ 已将 { $moved } 个客户转给 { $to }。
team-handover-told = 📥 { $by } 把 { $count } 个客户转交给了您，可在 📋 我的客户 中找到。
team-member-line = { $name } · { role-name } { $active ->
    [yes] · 最近活动 { $last } · 今日新客户 { $new }/{ $target }，拜访 { $visits } 次
   *[no] （已停用）
}
team-settings = ⚙️ 团队设置
team-deactivate = 🚪 停用业务员
team-settings-text = <b>{ $team }</b> 设置
    每日目标：{ $target } 位新客户
    日报时间：{ $digest_time }，{ $working_days ->
        [auto] 按国家日历的工作日（含节假日与调休）
       *[other] { $working_days }
    }
    新客户开发日：{ $prospecting_day }
    贺卡提醒：邮寄提前 { $postal } 天，消息提前 { $message } 天
    公海：{ $pool_after ->
        [0] 未开启
       *[other] { $pool_after } 天未联系即退回公海；每人每天最多领取 { $pool_cap } 位；放弃后 { $pool_reclaim } 天内不能再领
    }
team-setting-target = 🎯 每日目标
team-setting-digest-time = 🕖 日报时间
team-setting-working-days = 📅 工作日
team-setting-prospecting-day = 🔭 新客户开发日
team-setting-pool-after = 🌊 退回公海天数
team-setting-pool-cap = ✋ 每日领取上限
team-setting-pool-reclaim = ⏳ 重新领取等待期
team-setting-greeting-lead = ✉️ 贺卡提前天数
team-referral-policy = 🎁 转介绍奖励政策
team-ask-target = 每位业务员每天应新增多少位客户（0-50）？
team-ask-digest-time = 日报几点发送（例如 19:00）？
team-ask-working-days = 哪些天是工作日？例如 1-5、1-6、周一-周五，或发送“自动”按国家日历（含节假日与调休）。
team-ask-prospecting-day = 每周哪一天是新客户开发日（1 = 周一 … 7 = 周日）？
team-ask-pool-after = 客户多少天未联系就退回公海（7-365）？发送“关闭”即停用。
team-ask-pool-cap = 每位业务员每天最多可从公海领取多少位客户（1-100）？
team-ask-pool-reclaim = 业务员放弃的客户，需等待多少天才能再次领取（0-365）？
team-ask-greeting-lead = 节日前几天提醒业务员？发送邮寄贺卡的天数，可再加消息的天数，例如 10 或 10 2。
team-bad-number = “{ $value }”不是 { $low } 到 { $high } 之间的整数。
team-bad-time = “{ $value }”不是时间，请写成 19:00。
team-bad-weekday = “{ $value }”不是星期几或日期范围，请写成 1-5 或 周一-周五。
team-bad-setting = 没有这项设置。
team-bad-member = 不能在这里停用此人。
team-leaver-pick = 谁要离职？停用后其客户将被转交。
team-heir-pick = 由谁接手 { $leaver } 的客户（连同全部历史记录）？也可以退回公海。
team-to-pool = 🌊 退回公海
team-leaver-done = ✅ 已停用。{ $to_pool ->
    [yes] { $moved } 位客户已退回公海。
   *[other] { $moved } 位客户已转给 { $to }。
}
team-weekday-0 = 周一
team-weekday-1 = 周二
team-weekday-2 = 周三
team-weekday-3 = 周四
team-weekday-4 = 周五
team-weekday-5 = 周六
team-weekday-6 = 周日
