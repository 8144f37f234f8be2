start-welcome = 欢迎您，{ $name }！您已加入团队。
start-invite-invalid = 这个邀请链接无效，请向经理索取新的链接。
start-invite-used = 这个邀请链接已被使用，请向经理索取新的链接。
start-invite-expired = 这个邀请链接已过期，请向经理索取新的链接。
bind-done = 本群已设为 <b>{ $team }</b> 的日报群。
bind-not-allowed = 只有本团队的经理或管理员可以绑定群组。
bind-no-team = 没有名为“{ $name }”的团队。
bind-need-team-name = 您不属于任何团队：请发送 /bind 加团队名称。
