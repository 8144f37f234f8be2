# 每月贺卡（直接邮寄法，method.md §5）：推送、对话、客户卡字段。领域拒绝文案见 greetings-refusals.ftl。

menu-greetings = ✉️ 每月贺卡

greetings-reminder-text = ✉️ <b>{ $occasion }</b>（{ $day }）：{ $count } 张{ $channel ->
        [message] 问候消息待发送
       *[postal] 贺卡待寄出
    }。
    { $cards_html }
    寄出后在下方标记：一键全部，或逐个标记。
greetings-ask-text = ❓ <b>{ $occasion }</b>（{ $day }）已过。这 { $count } 张贺卡寄出了吗？
    { $cards_html }
    { $days } 天后仍未标记的贺卡记为漏寄。
greetings-reminder-line = • <b>{ $name }</b>（{ $salutation }）— { $address }
    <i>{ $text }</i>
greetings-more = …… 还有 { $n } 张：见 ✉️ 每月贺卡。
greetings-btn-all = ✅ 全部已寄（{ $count }）
greetings-btn-sent = ✅ { $name }
greetings-btn-skip = ⏭ 跳过
greetings-btn-copy = 📋 复制文字
greetings-btn-open = 📬 打开清单
greetings-marked-all = { $count ->
        [0] 没有待标记的贺卡。
       *[other] 已标记 { $count } 张贺卡为已寄。
    }
greetings-marked-sent = 已寄：{ $name }

greetings-title = ✉️ <b>每月贺卡</b>，{ $month }
    待寄 { $planned } · 已寄 { $sent } · 跳过 { $skipped } · 漏寄 { $missed }
    下一个节日：{ $next }
greetings-no-cards = 本月还没有贺卡：到了提醒日会自动安排。
greetings-occasion-item = { $name } { $day } · { $done }/{ $total }
greetings-enrol = 👥 批量加入直邮
greetings-settings = ⚙️ 团队设置
greetings-occasion-title = ✉️ <b>{ $occasion }</b>（{ $day }）：已完成 { $done }/{ $total }
    { $cards_html }
greetings-card-line = { $status } <b>{ $name }</b> — { $address }
greetings-status = { $status ->
        [sent] ✅ 已寄
        [skipped] ⏭ 已跳过
        [missed] ❌ 漏寄
        [withdrawn] 🚫 已撤回
       *[planned] ⏳ 待寄
    }
greetings-channel = { $channel ->
        [message] 💬 消息
       *[postal] 📮 邮寄贺卡
    }
greetings-all-sent = ✅ 全部已寄
greetings-pdf = 🏷 地址标签（PDF）
greetings-xlsx = 📊 清单（XLSX）
greetings-csv = 📄 清单（CSV）
greetings-file-caption = { $occasion } { $day }：{ $count } 个标签
greetings-no-labels = 这个节日没有带地址的邮寄贺卡。
greetings-labels-no-font = 无法生成标签页：服务器没有安装中文字体。XLSX 和 CSV 可以下载；请告诉管理员。
greetings-labels-glyphs = 标签页无法打印这些字符：{ $chars }。请修改相应的姓名或地址，或下载 XLSX / CSV。
greetings-card-title = <b>{ $name }</b>（{ $salutation }）
    { $channel_text } · { $address }
    { $status_text }{ $reason }
    <i>{ $text }</i>
greetings-sent = ✅ 已寄
greetings-skip = ⏭ 跳过
greetings-edit = ✏️ 修改文字
greetings-copy = 📋 复制文字
greetings-skip-prompt = 为什么不给 <b>{ $name }</b> 寄这张贺卡？请输入原因，或点“不填原因”。
greetings-no-reason = 不填原因
greetings-edit-prompt = 请发送给 <b>{ $name }</b> 的新文字。当前：
    <i>{ $text }</i>
greetings-edited = 文字已保存。

greetings-enrol-kind = 👥 批量加入直接邮寄。选择客户分组：
greetings-segment = { $kind ->
        [tag] 🏷 标签
        [stage] 📈 阶段
        [method] 🧭 寻找方法
       *[man] 🎯 MAN 分类
    }
greetings-enrol-value = { $kind ->
        [tag] 请输入标签：
        [man] 请输入 MAN 代码，例如 MAN、MAn 或 mAN：
       *[other] 请选择：
    }
greetings-enrol-confirm = 分组 <b>{ $segment }</b>：符合 { $matching } 位。
    本次加入：<b>{ $to_enrol }</b>
    已加入：{ $already } · 缺地址或联系方式：{ $unreachable } · 勿扰、拒收问候或已流失：{ $excluded }
greetings-confirm = ✅ 加入 { $count } 位
greetings-enrolled = { $count ->
        [0] 没有新的客户加入。
       *[other] 已有 { $count } 位客户加入直接邮寄。
    }

greetings-settings-title = ⚙️ <b>贺卡设置</b>
    📮 邮寄贺卡：提前 { $postal } 天提醒
    💬 消息问候：提前 { $message } 天提醒
    西方节日：{ $western }
    每月选卡：{ $picks }
    公司纪念日：{ $dates }
greetings-lead-postal = 📮 邮寄提前天数
greetings-lead-message = 💬 消息提前天数
greetings-lead-prompt = 提前几天提醒？（0 到 { $max }）
greetings-months = 🗓 每月选卡
greetings-month-prompt = 要为哪个月选卡？
greetings-month-pick-prompt = { $month } 月的贺卡：
greetings-default = 自动（默认）
greetings-company-add = ➕ 公司纪念日
greetings-company-prompt = 发送名称和日期（月-日），例如“门店开业 05-18”。点下方的日期可删除。
greetings-western-item = { $on ->
        [yes] ✅
       *[no] ▫️
    } { $name }
greetings-month-item = { $month }月：{ $name }
greetings-date-item = ✖ { $name } { $day }
greetings-saved = ✅ 已保存。
greetings-none = 无

prospect-greetings = ✉️ 问候记录
prospect-greetings-text = ✉️ <b>给 { $name } 的问候</b>
    { $greetings_html }
prospect-greeting-line = { $day } { $occasion }：{ $status } { $reason_html }
    <i>{ $text }</i>
prospect-greetings-more = ……另有 { $n } 条更早的记录。
prospect-greeting-reason = （{ $reason }）
prospect-greetings-opt-out = 🚫 不寄问候：{ $value ->
        [yes] 是
       *[no] 否
    }
field-salutation = 称呼
field-greeting-language = 问候语言
field-greeting-channel = 问候方式
newp-ask-salutation = 贺卡上怎么称呼对方？（例如 王总、李女士、Mr. Chen）
newp-ask-greeting-language = 问候语言：zh（中文）或 en（英文）？
newp-ask-greeting-channel = 问候方式：postal / 邮寄（寄贺卡）或 message / 消息（您自己发送）？
## 问候语（直接邮寄法，method.md §5）：不提产品，称呼客户，由业务员署名。每个节日三种措辞，轮换使用。
## 专属措辞：greetings-text-<kind>-<key>-<variant>；没有专属措辞的节日用同类通用措辞。

greetings-text-public-0 =
    { $salutation }：
    值此{ $occasion }之际，祝您和家人节日快乐，假期愉快！
    —— { $signer }
greetings-text-public-1 =
    { $salutation }：
    { $occasion }快乐！祝您身体健康，万事顺意。
    —— { $signer }
greetings-text-public-2 =
    { $salutation }：
    { $occasion }到了，送上我最真挚的祝福，愿您与家人共度美好时光。
    —— { $signer }
greetings-text-festival-0 =
    { $salutation }：
    { $occasion }快乐！愿节日为您带来欢喜与安宁。
    —— { $signer }
greetings-text-festival-1 =
    { $salutation }：
    值此{ $occasion }，祝您阖家幸福，健康平安。
    —— { $signer }
greetings-text-festival-2 =
    { $salutation }：
    又逢{ $occasion }，祝您和家人一切都好。
    —— { $signer }
greetings-text-solar-term-0 =
    { $salutation }：
    今日{ $occasion }，节气更替，请多保重身体。
    —— { $signer }
greetings-text-solar-term-1 =
    { $salutation }：
    { $occasion }时节，祝您顺遂安康。
    —— { $signer }
greetings-text-solar-term-2 =
    { $salutation }：
    { $occasion }到了，天气变化，注意冷暖，祝您安好。
    —— { $signer }
greetings-text-western-0 =
    { $salutation }：
    { $occasion }快乐！愿您度过美好的一天。
    —— { $signer }
greetings-text-western-1 =
    { $salutation }：
    值此{ $occasion }，送上温暖的祝福。
    —— { $signer }
greetings-text-western-2 =
    { $salutation }：
    祝您和家人{ $occasion }快乐，幸福满满。
    —— { $signer }
greetings-text-company-0 =
    { $salutation }：
    今天是{ $occasion }，感谢您一路以来的关照与支持！
    —— { $signer }
greetings-text-company-1 =
    { $salutation }：
    值此{ $occasion }，想起一路同行的朋友，其中就有您。谢谢您！
    —— { $signer }
greetings-text-company-2 =
    { $salutation }：
    { $occasion }，正是道一声感谢的好日子。祝您一切顺利！
    —— { $signer }
greetings-text-seasonal-0 =
    { $salutation }：
    { $occasion }，祝您时节安好，身体健康。
    —— { $signer }
greetings-text-seasonal-1 =
    { $salutation }：
    { $occasion }的问候送给您，请多保重，享受这个季节。
    —— { $signer }
greetings-text-seasonal-2 =
    { $salutation }：
    趁着{ $occasion }，向您问声好，祝您一切顺利！
    —— { $signer }
greetings-text-birthday-0 =
    { $salutation }：
    生日快乐！愿新的一岁健康、快乐、心想事成。
    —— { $signer }
greetings-text-birthday-1 =
    { $salutation }：
    在您生日之际，送上最温暖的祝福，祝您生日快乐！
    —— { $signer }
greetings-text-birthday-2 =
    { $salutation }：
    祝您生日快乐，福寿安康，新的一年万事如意！
    —— { $signer }

greetings-text-public-spring-festival-0 =
    { $salutation }：
    春节快乐！祝您和家人新春大吉，身体健康，阖家幸福。
    —— { $signer }
greetings-text-public-spring-festival-1 =
    { $salutation }：
    新春佳节，祝您团圆美满，来年万事顺意。
    —— { $signer }
greetings-text-public-spring-festival-2 =
    { $salutation }：
    辞旧迎新之际，恭祝您新年快乐，福气满满！
    —— { $signer }
greetings-text-public-mid-autumn-festival-0 =
    { $salutation }：
    中秋快乐！愿月圆人团圆，阖家幸福安康。
    —— { $signer }
greetings-text-public-mid-autumn-festival-1 =
    { $salutation }：
    皓月当空，遥寄祝福，祝您中秋佳节团圆美满。
    —— { $signer }
greetings-text-public-mid-autumn-festival-2 =
    { $salutation }：
    月圆饼香，祝您中秋快乐，花好月圆！
    —— { $signer }
greetings-text-public-dragon-boat-festival-0 =
    { $salutation }：
    端午安康！祝您和家人平安健康。
    —— { $signer }
greetings-text-public-dragon-boat-festival-1 =
    { $salutation }：
    粽叶飘香，端午安康，愿您事事顺心。
    —— { $signer }
greetings-text-public-dragon-boat-festival-2 =
    { $salutation }：
    端午时节，祝您假期愉快，阖家安康。
    —— { $signer }
greetings-text-public-national-day-0 =
    { $salutation }：
    国庆快乐！祝您假期愉快，与家人共享美好时光。
    —— { $signer }
greetings-text-public-national-day-1 =
    { $salutation }：
    国庆长假，祝您休息好、出行平安。
    —— { $signer }
greetings-text-public-national-day-2 =
    { $salutation }：
    欢度国庆，祝您节日愉快，万事如意！
    —— { $signer }
greetings-text-public-new-years-day-0 =
    { $salutation }：
    元旦快乐！祝您新的一年身体健康，事业顺利。
    —— { $signer }
greetings-text-public-new-years-day-1 =
    { $salutation }：
    新年伊始，感谢过去一年的相伴，祝您元旦快乐！
    —— { $signer }
greetings-text-public-new-years-day-2 =
    { $salutation }：
    新的一年开始了，愿您和家人幸福美满。
    —— { $signer }

greetings-text-festival-lantern-0 =
    { $salutation }：
    元宵节快乐！愿您新的一年如花灯般红红火火。
    —— { $signer }
greetings-text-festival-lantern-1 =
    { $salutation }：
    元宵佳节，祝您阖家团圆，甜甜美美。
    —— { $signer }
greetings-text-festival-lantern-2 =
    { $salutation }：
    月圆灯明，汤圆香甜，祝您元宵节快乐！
    —— { $signer }
greetings-text-festival-qixi-0 =
    { $salutation }：
    七夕快乐！愿您的生活充满温暖与爱。
    —— { $signer }
greetings-text-festival-qixi-1 =
    { $salutation }：
    七夕佳节，祝您和您爱的人幸福美满。
    —— { $signer }
greetings-text-festival-qixi-2 =
    { $salutation }：
    七夕之夜，祝您生活甜蜜，时时欢喜。
    —— { $signer }
greetings-text-festival-double-ninth-0 =
    { $salutation }：
    重阳节快乐！祝家中长辈福寿安康，阖家幸福。
    —— { $signer }
greetings-text-festival-double-ninth-1 =
    { $salutation }：
    九九重阳，秋高气爽，祝您身体健康。
    —— { $signer }
greetings-text-festival-double-ninth-2 =
    { $salutation }：
    重阳佳节，祝您和家人平安喜乐。
    —— { $signer }
greetings-text-festival-laba-0 =
    { $salutation }：
    腊八节快乐！一碗腊八粥，暖暖迎新年。
    —— { $signer }
greetings-text-festival-laba-1 =
    { $salutation }：
    过了腊八就是年，天寒注意保暖，祝您安好。
    —— { $signer }
greetings-text-festival-laba-2 =
    { $salutation }：
    腊八节到，祝您和家人温暖幸福。
    —— { $signer }
greetings-text-festival-little-new-year-0 =
    { $salutation }：
    小年快乐！提前祝您春节万事如意。
    —— { $signer }
greetings-text-festival-little-new-year-1 =
    { $salutation }：
    小年到，年味浓，祝您开开心心迎新春。
    —— { $signer }
greetings-text-festival-little-new-year-2 =
    { $salutation }：
    小年吉祥，祝您忙年顺利，阖家团圆。
    —— { $signer }
greetings-text-solar-term-winter-solstice-0 =
    { $salutation }：
    冬至快乐！天冷注意保暖，记得和家人吃顿饺子。
    —— { $signer }
greetings-text-solar-term-winter-solstice-1 =
    { $salutation }：
    冬至大如年，祝您和家人温暖安康。
    —— { $signer }
greetings-text-solar-term-winter-solstice-2 =
    { $salutation }：
    冬至已至，白昼渐长，祝您一切安好！
    —— { $signer }

greetings-text-western-new-year-0 =
    { $salutation }：
    新年快乐！愿新的一年是您最好的一年。
    —— { $signer }
greetings-text-western-new-year-1 =
    { $salutation }：
    新年到，祝您健康平安，好消息不断。
    —— { $signer }
greetings-text-western-new-year-2 =
    { $salutation }：
    祝您新年开个好头，一年顺顺利利。
    —— { $signer }
greetings-text-western-valentine-0 =
    { $salutation }：
    情人节快乐！愿您今天温暖满满。
    —— { $signer }
greetings-text-western-valentine-1 =
    { $salutation }：
    情人节，祝您和您珍爱的人幸福甜蜜。
    —— { $signer }
greetings-text-western-valentine-2 =
    { $salutation }：
    情人节送上一份友好的问候，祝您一切都好！
    —— { $signer }
greetings-text-western-mothers-day-0 =
    { $salutation }：
    母亲节快乐！祝您家中的每一位母亲健康幸福。
    —— { $signer }
greetings-text-western-mothers-day-1 =
    { $salutation }：
    母亲节，祝您全家温馨美满。
    —— { $signer }
greetings-text-western-mothers-day-2 =
    { $salutation }：
    祝您和家人母亲节快乐！
    —— { $signer }
greetings-text-western-fathers-day-0 =
    { $salutation }：
    父亲节快乐！祝您家中的每一位父亲健康幸福。
    —— { $signer }
greetings-text-western-fathers-day-1 =
    { $salutation }：
    父亲节，祝您全家温馨美满。
    —— { $signer }
greetings-text-western-fathers-day-2 =
    { $salutation }：
    祝您和家人父亲节快乐！
    —— { $signer }
greetings-text-western-christmas-0 =
    { $salutation }：
    圣诞快乐！愿您平安喜乐。
    —— { $signer }
greetings-text-western-christmas-1 =
    { $salutation }：
    圣诞佳节，祝您和家人节日快乐，温馨美满。
    —— { $signer }
greetings-text-western-christmas-2 =
    { $salutation }：
    圣诞快乐，祝您年末顺利，新年更好！
    —— { $signer }

greetings-text-seasonal-spring-outing-0 =
    { $salutation }：
    春光正好，适合踏青，祝您赏花愉快，心情明媚！
    —— { $signer }
greetings-text-seasonal-spring-outing-1 =
    { $salutation }：
    春暖花开，祝您出游愉快，春日安好。
    —— { $signer }
greetings-text-seasonal-spring-outing-2 =
    { $salutation }：
    春天来了，愿新的季节带给您新的喜悦。
    —— { $signer }
greetings-text-seasonal-summer-0 =
    { $salutation }：
    夏日问候！天气炎热，注意防暑，多保重。
    —— { $signer }
greetings-text-seasonal-summer-1 =
    { $salutation }：
    祝您夏日清凉，工作之余好好休息。
    —— { $signer }
greetings-text-seasonal-summer-2 =
    { $salutation }：
    炎炎夏日，送上一份清凉的问候，祝您一切顺利。
    —— { $signer }
greetings-text-seasonal-autumn-0 =
    { $salutation }：
    秋日问候！祝您金秋时节收获满满。
    —— { $signer }
greetings-text-seasonal-autumn-1 =
    { $salutation }：
    秋高气爽，祝您心情舒畅，身体健康。
    —— { $signer }
greetings-text-seasonal-autumn-2 =
    { $salutation }：
    秋意渐浓，向您和家人问声好。
    —— { $signer }
greetings-text-seasonal-deep-winter-0 =
    { $salutation }：
    冬日问候！天寒注意保暖，多多保重。
    —— { $signer }
greetings-text-seasonal-deep-winter-1 =
    { $salutation }：
    祝您冬日温暖，与家人共享温馨时光。
    —— { $signer }
greetings-text-seasonal-deep-winter-2 =
    { $salutation }：
    寒冬里送上一份温暖的问候，祝您安好。
    —— { $signer }
