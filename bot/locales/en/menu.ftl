menu-title = <b>Xunke</b> · main menu
    Hello, { $name }! What would you like to do?
menu-team = 👥 Team and invites
menu-pool = 🌊 Team pool
menu-settings = ⚙️ Settings
menu-help = ❓ Help
menu-help-text = <b>Xunke helps you find and keep customers.</b>
    /menu opens the main menu, /settings changes language and timezone, /cancel leaves any step without losing what you saved.
    Managers: add me to your team's group and send /bind there to receive the daily digest.
