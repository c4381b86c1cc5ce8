"""A tiny discord.py bot used only by tests/test_fakediscord.py to exercise the fake Discord server.

Environment: DISCORD_API_BASE (e.g. http://127.0.0.1:PORT/api/v10), DISCORD_GATEWAY_URL
(ws://127.0.0.1:PORT/gateway), DISCORD_TOKEN.
"""

from __future__ import annotations

import logging
import os
import sys

import discord
import yarl
from discord import app_commands
from discord.ext import commands


def configure_endpoints() -> None:
    discord.http.Route.BASE = os.environ["DISCORD_API_BASE"]
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])


class PersistentView(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Click", custom_id="echo:click", style=discord.ButtonStyle.primary)
    async def click(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.send_message(f"clicked by {interaction.user.id}", ephemeral=True)


class FeedbackModal(discord.ui.Modal, title="Feedback"):
    text: discord.ui.TextInput = discord.ui.TextInput(label="Text", custom_id="feedback:text")

    def __init__(self) -> None:
        super().__init__(custom_id="echo:feedback")

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"thanks: {self.text.value}", ephemeral=True)


class EchoBot(commands.Bot):
    async def setup_hook(self) -> None:
        self.add_view(PersistentView())
        await self.tree.sync()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        # discord.py sleeps 5 s before every non-initial IDENTIFY; skip that so re-IDENTIFY tests stay fast.
        return None

    async def on_ready(self) -> None:
        print(f"ECHO READY {self.user.id}", flush=True)  # type: ignore[union-attr]

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or self.user not in message.mentions:
            return
        if "pin" in message.content:
            try:
                await message.pin()
            except discord.Forbidden:
                await message.channel.send("cannot pin", allowed_mentions=discord.AllowedMentions.none())
            except discord.HTTPException as exc:
                await message.channel.send(
                    f"pin failed: {exc.code}", allowed_mentions=discord.AllowedMentions.none()
                )
            return
        embed = discord.Embed(title="echo", description=message.content)
        await message.reply(embed=embed, allowed_mentions=discord.AllowedMentions.none())


stage = app_commands.Group(name="stage", description="Career stage")


@stage.command(name="set", description="Set your stage")
async def stage_set(interaction: discord.Interaction, stage: str) -> None:
    await interaction.response.send_message(
        f"stage={stage} locale={interaction.locale.value}", ephemeral=True
    )


@stage_set.autocomplete("stage")
async def stage_autocomplete(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    options = ["core-ml", "mlops", "research"]
    return [app_commands.Choice(name=o, value=o) for o in options if o.startswith(current)]


def main() -> int:
    configure_endpoints()
    intents = discord.Intents.default()
    intents.message_content = True
    bot = EchoBot(command_prefix="!", intents=intents, guild_ready_timeout=0.2)

    @bot.tree.command(name="ping", description="Defer, then answer with a followup")
    async def ping(interaction: discord.Interaction) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("pong", view=PersistentView())
        await interaction.edit_original_response(content="pong (edited)")

    @bot.tree.command(name="feedback", description="Open a modal")
    async def feedback(interaction: discord.Interaction) -> None:
        await interaction.response.send_modal(FeedbackModal())

    bot.tree.add_command(stage)
    bot.run(os.environ["DISCORD_TOKEN"], log_level=logging.INFO, root_logger=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
