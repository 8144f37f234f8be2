## 公海：浏览、领取、分配；夜间提醒与退回。

pool-title = 🌊 <b>公海</b>：{ $count ->
    [0] 暂无客户
   *[other] { $count } 位客户待领取
}。领取后即归您负责（每天最多 { $cap } 位）。
pool-empty-hint = 长时间无人联系的客户会退回这里。
pool-item = { $name } · { $since } 起
pool-card = 🌊 <b>{ $name }</b>
    阶段：{ $stage } · MAN：{ $man }
    最近联系：{ $last }
    { $since } 进入公海（{ $reason ->
        [left] 原负责人离职
       *[stale] 长期未联系
    }），原负责人 { $previous }。
pool-claim = ✋ 领取
pool-assign = 👤 分配给业务员
pool-assign-pick = 把 <b>{ $name }</b> 分配给：
pool-claimed = ✅ <b>{ $name }</b> 现在归您负责，历史记录完整保留。
pool-assigned = ✅ <b>{ $name }</b> 已分配给 { $to }。
pool-assigned-told = 📥 { $by } 从公海把 <b>{ $name }</b> 分配给了您。
pool-no-team = 公海仅对团队成员开放。
pool-gone = 该客户已不在公海中。
pool-taken = 已被同事抢先领取。
pool-not-allowed = 只有经理可以从公海分配客户。
pool-cap-reached = 您今天已领取 { $cap } 位，达到团队每日上限，请明天再来。
pool-reclaim-banned = 您放弃该客户还不到 { $days } 天，先让同事试试。
pool-warn-text = ⏳ 以下 { $count } 位客户如不联系，将于 { $day } 退回公海：
    { $names_html }
pool-moved-text = 🌊 { $count } 位客户已 { $days } 天未联系，已退回公海：
    { $names_html }
pool-notice-line = • { $name }
pool-more = …… 另有 { $n } 位
pool-open = 📇 { $name }
