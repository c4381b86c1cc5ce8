"""careerbot on Discord: a thin shell over the same engine and advisor the CLI uses.

``bot.runner.run()`` starts it (``careerbot run``); ``bot.runner.sync()`` registers the slash commands.
"""

from bot.discordbot.settings import Secret, Settings, SettingsError

__all__ = ["Secret", "Settings", "SettingsError"]
