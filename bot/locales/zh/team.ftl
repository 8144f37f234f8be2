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
team-member-line = { $name } · { role-name } { $active ->
    [yes] {""}
   *[no] （已停用）
}
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
