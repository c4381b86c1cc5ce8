"""The Discord layer's extensions: one feature per module, each with ``async def setup(bot)``."""
