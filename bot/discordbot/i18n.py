"""Japanese for the Discord layer: command names/descriptions (an ``app_commands.Translator``) and the
bot's own messages in both languages.

Command names and descriptions are written in English in the cogs; :data:`JA_COMMANDS` maps each of them
to Japanese and :class:`CareerTranslator` hands those to discord.py when the tree is synced, so a user with
a Japanese client sees ``/質問`` instead of ``/ask``. A test checks that every string has a translation.
"""

from __future__ import annotations

import discord
from discord import app_commands

Lang = str  # "ja" | "en"

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


# ------------------------------------------------------------------------------------ the bot's messages

MESSAGES: dict[str, dict[str, str]] = {
    "guild_only": {
        "ja": "このコマンドはサーバー内でのみ使えます。",
        "en": "This command only works in a server, not in direct messages.",
    },
    "error": {
        "ja": "問題が発生したため、処理できませんでした。少し待ってからもう一度お試しください。",
        "en": "Something went wrong on my side; please try again in a moment.",
    },
    "missing_perms": {
        "ja": "このコマンドを使う権限がありません（必要な権限: {perms}）。",
        "en": "You need the {perms} permission to use this command.",
    },
    "not_allowed": {"ja": "このコマンドはここでは使えません。", "en": "You can't use this command here."},
    "cooldown": {
        "ja": "少し待ってから次の質問をしてください（あと {s} 秒）。",
        "en": "Please wait {s} s before asking another question.",
    },
    "cooldown_short": {"ja": "⏳ あと {s} 秒待ってから質問してください。", "en": "⏳ Please wait {s} s before asking again."},
    "empty_question": {
        "ja": "質問を書いてください。例:「MLOpsって何から始めればいい？」",
        "en": "Please write a question, for example: \"What should I learn first for MLOps?\"",
    },
    "busy": {
        "ja": "データベースが混み合っているため、何も変更できませんでした。少し待ってからもう一度お試しください。",
        "en": "The database is busy, so nothing was changed; please try again in a moment.",
    },
    "discord_trouble": {
        "ja": "Discord 側で問題が起きているため完了できませんでした。1分ほど待ってからもう一度お試しください。",
        "en": "Discord is having trouble right now, so I couldn't finish that; please try again in a minute.",
    },
    "not_ready": {
        "ja": "起動中です。数秒後にもう一度お試しください。",
        "en": "I'm still starting up; please try again in a few seconds.",
    },
    # answer embed
    "question": {"ja": "質問", "en": "Question"},
    "sources": {"ja": "出典", "en": "Sources"},
    "resources": {"ja": "おすすめの教材", "en": "Resources"},
    "next_step": {"ja": "次の一歩", "en": "Next step"},
    "footer": {"ja": "回答は役に立ちましたか？ 👍/👎 で教えてください。", "en": "Was this helpful? Tell me with 👍/👎."},
    "no_answer_title": {"ja": "答えられませんでした", "en": "No answer"},
    "vote_thanks_up": {"ja": "フィードバックありがとうございます！👍", "en": "Thanks for the feedback! 👍"},
    "vote_thanks_down": {
        "ja": "フィードバックありがとうございます。改善に役立てます。👎",
        "en": "Thanks for the feedback; it helps us improve. 👎",
    },
    "vote_up_label": {"ja": "役に立った", "en": "Helpful"},
    "vote_down_label": {"ja": "役に立たなかった", "en": "Not helpful"},
    # stages
    "stage_set": {"ja": "ステージを「{n}. {title}」に設定しました。", "en": "Your stage is now {n}. {title}."},
    "unknown": {"ja": "「{value}」という{kind}はありません。", "en": "There is no {kind} called '{value}'."},
    "did_you_mean": {"ja": "もしかして `{s}` ですか？", "en": "Did you mean `{s}`?"},
    "kind_stage": {"ja": "ステージ", "en": "stage"},
    "kind_item": {"ja": "項目", "en": "checklist item"},
    "no_stage": {
        "ja": "まだステージが設定されていません。`/ステージ 診断` か `/ステージ 設定` で設定してください。",
        "en": "You have no stage yet: take `/stage assess` or use `/stage set`.",
    },
    "stage_show": {"ja": "現在のステージ: {n}. {title}", "en": "Your stage: {n}. {title}"},
    "goal": {"ja": "目標", "en": "Goal"},
    "exit_criteria": {"ja": "次に進む目安", "en": "Ready to move on when"},
    "checklist": {"ja": "チェックリスト", "en": "Checklist"},
    "done_count": {"ja": "{d}/{n} 項目完了", "en": "{d} of {n} items done"},
    "advance": {"ja": "「{title}」に進む", "en": "Move on to {title}"},
    "advanced": {"ja": "ステージを「{n}. {title}」に進めました。", "en": "You moved on to {n}. {title}."},
    "not_yours": {
        "ja": "このボタンはコマンドを実行した本人だけが使えます。",
        "en": "Only the person who ran this command can use these buttons.",
    },
    "expired": {"ja": "時間切れです。もう一度コマンドを実行してください。", "en": "This has expired; run the command again."},
    "assess_question": {"ja": "質問 {i}/{n}", "en": "Question {i} of {n}"},
    "yes": {"ja": "はい", "en": "Yes"},
    "no": {"ja": "いいえ", "en": "No"},
    "assess_result": {
        "ja": "診断の結果、あなたにおすすめのステージは「{n}. {title}」です。設定しますか？",
        "en": "Based on your answers, I suggest stage {n}. {title}. Set it as your stage?",
    },
    "set_stage_button": {"ja": "このステージに設定", "en": "Set this stage"},
    "cancel": {"ja": "キャンセル", "en": "Cancel"},
    "cancelled": {"ja": "キャンセルしました。何も変更していません。", "en": "Cancelled; nothing was changed."},
    # progress
    "marked_done": {"ja": "「{title}」を完了にしました（{d}/{n}）。", "en": "Marked {title} as done ({d}/{n})."},
    "already_done": {"ja": "「{title}」はすでに完了しています。", "en": "{title} was already done."},
    "stage_now_complete": {
        "ja": "このステージの項目はすべて完了です！ `/次の一歩` で次のステージに進めます。",
        "en": "That completes your stage! Use `/nextstep` to move on.",
    },
    "other_done": {"ja": "ほかのステージで完了した項目: {n}", "en": "Items done in other stages: {n}"},
    # plans
    "plan_error": {"ja": "プランを作れません: {e}", "en": "I can't make that plan: {e}"},
    "plan_needs_stage": {
        "ja": "プランの最初のステージを `stage` で指定するか、先に `/ステージ 設定` でステージを設定してください。",
        "en": "Give the first stage with the `stage` option, or set your stage with `/stage set` first.",
    },
    "pin_not_moderator": {
        "ja": "グループ用プランのピン留めには、このチャンネルの「メッセージの管理」権限が必要です。",
        "en": "Pinning a group plan needs the Manage Messages permission in this channel.",
    },
    "pin_bot_missing": {
        "ja": "このチャンネルでメッセージをピン留めする権限が私にありません。サーバー管理者に「メッセージのピン留め」"
              "（または「メッセージの管理」）権限を付けてもらってください。",
        "en": "I don't have permission to pin messages in this channel; ask a server admin to give me the "
              "Pin Messages (or Manage Messages) permission here.",
    },
    "pin_bot_cannot_send": {
        "ja": "このチャンネルにメッセージを送る権限が私にありません。",
        "en": "I don't have permission to send messages in this channel.",
    },
    "pin_limit": {
        "ja": "このチャンネルはピン留めの上限（50件）に達しています。古いピンを外してからもう一度お試しください。",
        "en": "This channel has reached Discord's limit of 50 pinned messages; unpin something and try again.",
    },
    "pinned": {"ja": "プランを投稿してピン留めしました: {url}", "en": "Posted and pinned the plan: {url}"},
    "pinned_replaced": {
        "ja": "プランを投稿してピン留めし、以前のプランを置き換えました: {url}",
        "en": "Posted and pinned the plan, replacing the previous one: {url}",
    },
    "plan_file_note": {
        "ja": "（プラン全体は添付ファイルにあります）",
        "en": "(The full plan is in the attached file.)",
    },
    # resources
    "resources_title": {"ja": "おすすめの教材", "en": "Recommended resources"},
    "resources_none": {
        "ja": "そのトピックに合う教材は見つかりませんでした。別の言葉で試すか、`stage` を指定してください。",
        "en": "I found no resources for that topic; try other words or pick a `stage`.",
    },
    "resources_need_input": {
        "ja": "`topic` か `stage` のどちらかを指定してください。",
        "en": "Give a `topic`, a `stage`, or both.",
    },
    # forget
    "forget_confirm": {
        "ja": "このサーバーで保存されているあなたのデータ（ステージ、進捗、フィードバック、質問の記録）をすべて削除します。"
              "よろしいですか？",
        "en": "This deletes everything stored about you in this server (stage, progress, feedback, question "
              "records). Continue?",
    },
    "forget_button": {"ja": "削除する", "en": "Delete my data"},
    "forgotten": {"ja": "削除しました（{n} 件）。", "en": "Done: deleted {n} record(s)."},
    # config
    "need_manage_guild": {
        "ja": "この設定には「サーバー管理」権限が必要です。",
        "en": "Changing these settings needs the Manage Server permission.",
    },
    "qa_added": {"ja": "{ch} のメッセージに回答します。", "en": "I will answer messages in {ch}."},
    "qa_already": {"ja": "{ch} はすでに質問チャンネルです。", "en": "{ch} is already a question channel."},
    "qa_removed": {"ja": "{ch} での自動回答をやめました。", "en": "I will no longer answer every message in {ch}."},
    "qa_not_set": {"ja": "{ch} は質問チャンネルではありません。", "en": "{ch} was not a question channel."},
    "threads_on": {"ja": "質問ごとにスレッドを作って回答します。", "en": "I will answer channel questions in a thread."},
    "threads_off": {"ja": "スレッドを作らずに返信で回答します。", "en": "I will answer channel questions with a reply."},
    "store_on": {
        "ja": "フィードバックとともに質問文を保存します。",
        "en": "Question text will be stored with feedback.",
    },
    "store_off": {"ja": "質問文は保存しません。", "en": "Question text will not be stored."},
    "config_show": {
        "ja": "質問チャンネル: {channels}\nスレッドで回答: {threads}\n質問文の保存: {store}",
        "en": "Question channels: {channels}\nAnswer in threads: {threads}\nStore question text: {store}",
    },
    "reload_done": {
        "ja": "ナレッジを読み込み直しました（トピック {topics}、ステージ {stages}、教材 {resources}）。"
              "検索インデックスを再構築しました（{s:.0f} 秒）。",
        "en": "Reloaded the knowledge ({topics} topics, {stages} stages, {resources} resources) and rebuilt "
              "the search index ({s:.0f} s).",
    },
    "reload_unchanged": {
        "ja": "ナレッジファイルに変更はありません。今のインデックスのまま回答を続けます。",
        "en": "The knowledge files have not changed; I keep answering from the current index.",
    },
    "reload_invalid": {
        "ja": "ナレッジファイルに {n} 件の問題があるため読み込みませんでした。以前の内容で回答を続けます。",
        "en": "The knowledge files have {n} problem(s), so I did not load them; I keep answering from the "
              "previous version.",
    },
    "reload_running": {
        "ja": "再読み込みはすでに実行中です。終わるまでお待ちください。",
        "en": "A reload is already running; please wait for it to finish.",
    },
    "reload_failed": {
        "ja": "ナレッジを読み込み直せませんでした。以前の内容で回答を続けます（詳細はログにあります）。",
        "en": "I couldn't reload the knowledge; I keep answering from the previous version (details are in "
              "the log).",
    },
    "none": {"ja": "なし", "en": "none"},
    "on": {"ja": "オン", "en": "on"},
    "off": {"ja": "オフ", "en": "off"},
    # help
    "help_title": {"ja": "careerbot でできること", "en": "What careerbot can do"},
    "help_body": {
        "ja": "MLエンジニアを目指す人のためのキャリアアドバイザーです。日本語でも英語でも質問できます。\n\n"
              "**質問する** — 私をメンションするか、質問チャンネルに書き込むか、`/質問` を使ってください。"
              "出典と教材つきで回答します。\n"
              "**ロードマップ** — `/ステージ 診断` で現在地を診断、`/ステージ 設定`・`/ステージ 表示`、"
              "`/次の一歩` で次にやることを確認できます。\n"
              "**進捗** — `/進捗 完了` で項目を完了にし、`/進捗 表示` でチェックリストを確認できます。\n"
              "**学習プラン** — `/学習プラン 表示` で週ごとのプラン（自分だけに表示）。モデレーターは "
              "`/学習プラン ピン留め` でグループ用プランを投稿・ピン留めできます。\n"
              "**教材** — `/教材` でトピックやステージに合った教材を探せます。\n"
              "**プライバシー** — `/データ削除` で保存データをすべて削除できます。\n"
              "**サーバー管理者** — `/サーバー設定` で質問チャンネルやスレッド回答を設定できます。",
        "en": "A career advisor for people becoming machine-learning engineers. Ask in English or Japanese.\n\n"
              "**Ask** — mention me, write in a question channel, or use `/ask`. Answers cite their sources "
              "and recommend resources.\n"
              "**Roadmap** — `/stage assess` finds where you are; `/stage set`, `/stage show`, and "
              "`/nextstep` shows what to do next.\n"
              "**Progress** — `/progress done` ticks off an item; `/progress show` shows your checklist.\n"
              "**Study plans** — `/plan show` builds a week-by-week plan just for you; moderators can "
              "`/plan pin` a plan for the group.\n"
              "**Resources** — `/resources` finds curated resources for a topic or a stage.\n"
              "**Privacy** — `/forget` deletes everything stored about you.\n"
              "**Server admins** — `/config` sets question channels and answers in threads; `/admin reload` "
              "reloads the knowledge files.",
    },
}


def t(key: str, lang: Lang, **kwargs: object) -> str:
    """The message ``key`` in ``lang`` ('ja' or anything else for English), formatted."""
    text = MESSAGES[key]["ja" if lang == "ja" else "en"]
    return text.format(**kwargs) if kwargs else text
