"""Japanese command names and descriptions for the Discord layer (an ``app_commands.Translator``).

The bot's messages themselves live in the one catalogue, :mod:`bot.messages`, shared with the CLI.

Command names and descriptions are written in English in the cogs; :data:`JA_COMMANDS` maps each of them
to Japanese and :class:`CareerTranslator` hands those to discord.py when the tree is synced, so a user with
a Japanese client sees ``/質問`` instead of ``/ask``. A test checks that every string has a translation.
"""

from __future__ import annotations

import discord
from discord import app_commands

from bot.messages import Lang

# English command string (name, description or parameter) -> Japanese. Names must be lower case and
# match Discord's name pattern (letters, digits, '-', '_'); Japanese letters count as letters.
JA_COMMANDS: dict[str, str] = {
    # /ask
    "ask": "質問",
    "Ask a question about becoming an ML engineer (the answer is visible to the channel)":
        "MLエンジニアを目指すうえでの質問をする（回答はチャンネルに表示されます）",
    "question": "質問文",
    "Your question, in Japanese or English": "質問（日本語または英語）",
    # /nextstep
    "nextstep": "次の一歩",
    "Your next items on the roadmap, each with a resource": "ロードマップ上で次に取り組む項目と教材",
    # /stage
    "stage": "ステージ",
    "Your stage on the 7-stage roadmap": "7段階のロードマップ上のあなたのステージ",
    "set": "設定",
    "Set your current stage": "現在のステージを設定する",
    "The stage (start typing to search)": "ステージ（入力すると候補が出ます）",
    "show": "表示",
    "Show your current stage and its goal": "現在のステージと目標を表示する",
    "assess": "診断",
    "A short yes/no self-assessment that proposes a stage": "はい/いいえで答える短い自己診断でステージを提案する",
    # /progress
    "progress": "進捗",
    "Your checklist progress": "チェックリストの進み具合",
    "done": "完了",
    "Mark a checklist item as done": "チェックリストの項目を完了にする",
    "item": "項目",
    "The checklist item (start typing to search)": "チェックリストの項目（入力すると候補が出ます）",
    "Show the checklist of your current stage": "現在のステージのチェックリストを表示する",
    # /plan
    "plan": "学習プラン",
    "Week-by-week study plans": "週ごとの学習プラン",
    "pin": "ピン留め",
    "Show a study plan for you (only you can see it)": "あなた用の学習プランを表示する（自分だけに表示）",
    "Post a study plan for the group in this channel and pin it (moderators)":
        "グループ用の学習プランをこのチャンネルに投稿してピン留めする（モデレーター用）",
    "The first stage of the plan (default: your current stage)": "プランの最初のステージ（省略時は現在のステージ）",
    "The first stage of the plan": "プランの最初のステージ",
    "weeks": "週数",
    "How many weeks (1-104)": "期間の週数（1〜104）",
    "hours": "週あたり時間",
    "Study hours per week (up to 80)": "1週間の学習時間（80まで）",
    "to": "最後のステージ",
    "The last stage of the plan (default: the first stage)": "プランの最後のステージ（省略時は最初と同じ）",
    "start": "開始日",
    "The first day, e.g. 2026-12-07 (default: today)": "開始日（例: 2026-12-07、省略時は今日）",
    "weekday": "曜日",
    "The check-in day (default: Monday)": "チェックインの曜日（省略時は月曜）",
    "Monday": "月曜日",
    "Tuesday": "火曜日",
    "Wednesday": "水曜日",
    "Thursday": "木曜日",
    "Friday": "金曜日",
    "Saturday": "土曜日",
    "Sunday": "日曜日",
    "time": "時刻",
    "The check-in time, e.g. 09:00 (default: 09:00)": "チェックインの時刻（例: 09:00、省略時は 09:00）",
    "timezone": "タイムゾーン",
    "The server's timezone (default: Asia/Tokyo)": "サーバーのタイムゾーン（省略時は Asia/Tokyo）",
    "pause": "一時停止",
    "Pause this channel's group plan (moderators)": "このチャンネルのグループ用プランを一時停止する（モデレーター用）",
    "resume": "再開",
    "Resume this channel's paused group plan (moderators)": "一時停止中のグループ用プランを再開する（モデレーター用）",
    "skip": "週を延ばす",
    "Give the group one more week for the current week (moderators)": "今の週を1週間延ばす（モデレーター用）",
    "end": "終了",
    "End this channel's group plan (moderators)": "このチャンネルのグループ用プランを終了する（モデレーター用）",
    "checkin": "チェックイン",
    "Post this week's check-in of the group plan now (moderators)": "今週のチェックインを今すぐ投稿する（モデレーター用）",
    "status": "状況",
    "The group plan's progress as a picture (moderators)": "グループの進み具合を画像で見る（モデレーター用）",
    "share": "共有",
    "Post it in the channel for everyone (default: only you see it)": "チャンネルに投稿して全員に見せる（省略時は自分だけ）",
    "remind": "リマインダー",
    "A DM on check-in day from this channel's group plan, on or off": "チェックインの日にDMでお知らせを受け取る（オン/オフ）",
    # /resources
    "resources": "教材",
    "Curated learning resources for a topic or a stage": "トピックやステージに合った厳選教材",
    "topic": "トピック",
    "What you want to learn, e.g. Docker, statistics, 深層学習": "学びたいこと（例: Docker、統計、深層学習）",
    "Only resources for this stage": "このステージ向けの教材だけ",
    # /forget
    "forget": "データ削除",
    "Delete everything the bot stores about you in this server": "このサーバーで保存されているあなたのデータをすべて削除する",
    # /help
    "help": "ヘルプ",
    "What this bot can do": "このボットでできること",
    # /config
    "config": "サーバー設定",
    "Server settings for careerbot (Manage Server)": "careerbot のサーバー設定（サーバー管理権限が必要）",
    "qa-channel": "質問チャンネル",
    "Channels where every message is answered as a question": "すべてのメッセージに回答するチャンネル",
    "add": "追加",
    "Answer every message in this channel": "このチャンネルのすべてのメッセージに回答する",
    "remove": "解除",
    "Stop answering every message in this channel": "このチャンネルでの自動回答をやめる",
    "channel": "チャンネル",
    "The text channel": "テキストチャンネル",
    "threads": "スレッド",
    "Answer channel questions in a new thread per question": "チャンネルの質問ごとにスレッドを作って回答する",
    "enabled": "有効",
    "On or off": "オンまたはオフ",
    "store-questions": "質問の保存",
    "Keep the text of questions with feedback (off by default)": "フィードバックとともに質問文を保存する（既定はオフ）",
    "Show this server's careerbot settings": "このサーバーの careerbot 設定を表示する",
    "show-names": "名前の表示",
    "Name members in study-group pictures (off by default: counts only)": "学習グループの画像にメンバー名を出す（既定はオフで人数のみ）",
    # /admin
    "admin": "管理",
    "Administer careerbot (Manage Server)": "careerbot の管理（サーバー管理権限が必要）",
    "reload": "再読み込み",
    "Reload the knowledge files after an edit (the bot keeps answering meanwhile)":
        "編集したナレッジファイルを読み込み直す（その間も回答を続けます）",
}


class CareerTranslator(app_commands.Translator):
    """Japanese names and descriptions for every command, group and parameter."""

    async def translate(
        self, string: app_commands.locale_str, locale: discord.Locale, context: app_commands.TranslationContext
    ) -> str | None:
        if locale is discord.Locale.japanese:
            return JA_COMMANDS.get(string.message)
        return None


def lang_of_locale(locale: discord.Locale | str | None) -> Lang | None:
    """'ja' for a Japanese client, 'en' for an English one, None for any other locale."""
    value = locale.value if isinstance(locale, discord.Locale) else (locale or "")
    if value.startswith("ja"):
        return "ja"
    if value.startswith("en"):
        return "en"
    return None
