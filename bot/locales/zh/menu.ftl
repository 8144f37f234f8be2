menu-title = <b>寻客</b> · 主菜单
    { $name }，您好！今天要做什么？
menu-team = 👥 团队与邀请
menu-pool = 🌊 公海
menu-settings = ⚙️ 设置
menu-help = ❓ 帮助
menu-help-text = <b>寻客帮您寻找并留住客户。</b>
    /menu 打开主菜单，/settings 修改语言和时区，/cancel 随时退出当前步骤，已保存的内容不会丢失。
    经理：把我拉进团队群，在群里发送 /bind 即可每天收到团队日报。
