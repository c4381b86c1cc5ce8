"""Discord helpers shared by the bot and its cogs: :mod:`.text` (limits, clipping, safe echoing, embeds),
:mod:`.answer` (the answer embed and its 👍/👎 buttons) and :mod:`.interaction` (replies, errors, views,
autocomplete)."""
