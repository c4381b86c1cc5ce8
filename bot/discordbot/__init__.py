"""careerbot on Discord: a thin shell over the same engine and advisor the CLI uses.

``bot.discordbot.runner.run()`` starts it (``careerbot run``); ``bot.discordbot.runner.sync()`` registers
the slash commands (``careerbot sync``). Settings come from :class:`bot.config.Config`.
"""
