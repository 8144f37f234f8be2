# 客户引荐（method.md §6）：请客户介绍，链式延伸，守信用，立即兑现。
cmd-referrals = 引荐：奖励与引荐链
menu-referrals = 🔗 客户引荐
prospect-referrals = 🔗 引荐
visit-ask-referrals = 🔗 请求引荐
referrals-card-chain = { $chain_html }

referrals-script-chain = <b>请 { $name } 介绍新客户</b>（链式引荐）
    用自己的话说：
    “感谢您选择我们。您的亲友或同事中还有谁可能需要？我会像服务您一样服务他们，成交后送您{ $reward }以表谢意。”
referrals-script-snowball = <b>请 { $name } 介绍新客户</b>（滚雪球法）
    用自己的话说：
    “即使您现在不需要，您认识的人里谁可能用得上？我会说是您介绍的，成交后送您{ $reward }。”
referrals-asked-lately = ⚠️ { $name } 不久前说过“没有”，不妨稍等一段时间再问。
referrals-given = 🙌 给了名单
referrals-none = 🙅 没有
referrals-later = ⏰ 以后再问
referrals-ask-name = <b>{ $giver }</b> 介绍的第 { $n } 位：请输入姓名（之后可填电话和与 { $giver } 的关系），或点“就这些”。
referrals-all = ✅ 就这些
referrals-ask-phone = <b>{ $name }</b> 的电话？（可选）
referrals-ask-how = <b>{ $name }</b> 和 { $giver } 是什么关系？（可选，例如邻居、同事）
referrals-duplicate = <b>{ $name }</b> 与团队里已有的客户相似。是同一人吗？点选即关联，或新增。
referrals-someone-new = ➕ 是新的人
referrals-name-added = 已新增潜在客户 { $name }。
referrals-name-linked = { $name } 已在客户库中：已关联，不重复建档。
referrals-done-given = 🙏 已记录：新增 { $added } 位，关联已有客户 { $linked } 位。
referrals-done-none = 已记录：这次没有名单。一段时间内不会再提醒您询问。
referrals-done-later = ⏰ 几天后提醒您再问。

referrals-overview = <b>客户引荐</b>
    { $ledger_html }

    <b>最佳引荐人</b>
    { $best_html }

    引荐客户成交：{ $referred } · 其他方法：{ $others }
referrals-ledger-line = { $status }：{ $count }（{ $money }）
referrals-ledger-overdue = ⚠️ 逾期：{ $count }（{ $money }）
referrals-best-line = { $name }：引荐 { $referred } 位，成交 { $won } 位
referrals-status-promised = 已承诺
referrals-status-owed = 应付
referrals-status-paid = 已付
referrals-status-declined = 已谢绝
referrals-to-rewards = 💰 待兑现奖励
referrals-to-contacts = 🤝 引荐人
referrals-to-policy = ⚙️ 奖励政策
referrals-rewards = <b>待兑现奖励</b>（⚠️ 逾期）：守信用，立即兑现。
referrals-reward = <b>{ $prospect } 的引荐奖励</b>
    给：{ $giver }
    奖励：{ $terms } · { $status } · 到期 { $due }
referrals-paid-cash = 💵 现金
referrals-paid-transfer = 🏦 转账
referrals-paid-gift = 🎁 礼品
referrals-paid-dinner = 🍽 请吃饭
referrals-decline = 🙅 对方谢绝
referrals-change = ✏️ 修改本次奖励
referrals-ask-override = 本次的新奖励：金额（200、25 USD）或礼品。
referrals-policy = <b>奖励政策</b>：{ $reward }，成交后 { $due_days } 天内兑现；客户说“没有”后等 { $quiet_days } 天再问。
    发送新的奖励：金额（200、25 USD）或礼品（例如一套茶具）。
referrals-policy-saved = 奖励政策已保存。
referrals-settled-ok = 好的：奖励已处理。
referrals-a-gift = 一份谢礼

referrals-contacts = 非客户的<b>引荐人</b>（代理人、信贷员、修理店）。点选一位可记录其介绍的名单。
referrals-add-contact = ➕ 新增引荐人
referrals-ask-contact = 引荐人姓名？
referrals-ask-trade = { $contact } 是做什么的？
referrals-trade-agent = 代理人
referrals-trade-loan-officer = 信贷员
referrals-trade-repair-shop = 修理店
referrals-trade-insurance-adjuster = 保险理赔员
referrals-trade-other = 其他
referrals-contact-added = 已新增引荐人 { $name }。

referrals-chain-title = <b>引荐链</b>
    { $chain_html }
referrals-chain = 引荐人：{ $above_html }
    其引荐的客户：
    { $below_html }
    成交：{ $won } · 金额 { $value }
referrals-node = { $name }
referrals-node-hidden = （{ $owner } 的客户）
referrals-ask-button = 🙌 请求引荐
referrals-credit-button = 🎁 补记引荐人
referrals-credit = 这位客户是谁介绍的？按团队政策给予奖励。
referrals-credited = 已补记引荐人。

referrals-morning = <b>今日引荐事项</b>
    { $rewards_html }
    { $nudge_html }
referrals-morning-reward = { $overdue ->
        [yes] ⚠️ 已逾期（{ $due }）
       *[no] 到期 { $due }
    }：{ $terms } 给 { $giver }（{ $name }）
referrals-morning-nudge = 🙌 请 { $name } 介绍新客户：近期成交，尚未请求引荐。
referrals-later-text = ⏰ 您说过以后再请 <b>{ $name }</b> 介绍新客户，现在正是时候。
referrals-open-reward = 💰 { $name }
referrals-ask-now = 🙌 请 { $name } 引荐

referrals-not-found = 未找到（或无权查看）。
referrals-not-allowed = 只有本团队的经理可以这样做。
referrals-bad-terms = “{ $value }”既不是金额（200、25 USD）也不是礼品。
referrals-bad-days = 天数须在 0 到 { $max } 之间。
referrals-not-duplicate = 此人不在匹配结果中：请从中选择，或新增。
referrals-self = 不能引荐自己。
referrals-already-credited = 该客户已有引荐人及奖励。
referrals-already-referred = 已记录其他人引荐了该客户。
referrals-settled = 该奖励已付或已谢绝。
