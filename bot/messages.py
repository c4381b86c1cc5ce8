"""Every user-facing text of careerbot, in Japanese and English: one catalogue for the core, the CLI and the
Discord layer. ``t(key, lang, **values)`` formats one. A test checks that every key has both languages.

The core (answers, next steps, plans) picks keys and fills in values; it never adds Markdown. The renderers
(:mod:`bot.render` for the terminal, :mod:`bot.discordbot.ui` for Discord) add their own formatting.
"""

from __future__ import annotations

Lang = str  # "ja" | "en"

MESSAGES: dict[str, dict[str, str]] = {
    # ---------------------------------------------------------------- answers (the core)
    "truncated": {
        "ja": "（質問が長すぎるため、最初の2000文字だけを使いました）",
        "en": "(Your question was very long; only its first 2000 characters were used.)",
    },
    "decline": {
        "ja": "すみません、その質問に答えられる内容はこのロードマップにありません。",
        "en": "Sorry, the roadmap I know has nothing that answers that.",
    },
    "decline_hint": {
        "ja": "答えられるのは、MLエンジニアの仕事・必要なスキル・7段階の学習ステップ・資格・キャリアパス・将来性などです。",
        "en": "I can help with the ML engineer role, skills, the 7-stage learning path, certifications, "
              "career paths and the outlook.",
    },
    "after_stage": {
        "ja": "「{done}」を終えたなら、次は「{next}」のステージです。最初に取り組む項目を下に挙げます。",
        "en": "With \"{done}\" done, your next stage is \"{next}\"; its first items are listed below.",
    },
    "begin_stage": {
        "ja": "「{stage}」から始めましょう。最初に取り組む項目を下に挙げます。",
        "en": "Start with \"{stage}\"; the items to begin with are listed below.",
    },
    "weak_math": {
        "ja": "数学があやふやなら、作品を増やす前にそこを埋めましょう。勾配と誤差逆伝播を支える微分（連鎖律）を学び、小さなニューラルネットワークをNumPyで一から実装して、線形代数も並行して固めます（下の項目）。",
        "en": "Since the math feels fuzzy, close that gap before adding more projects: learn the calculus behind gradients and backpropagation (the chain rule), implement a small neural network from scratch in NumPy, and firm up linear algebra alongside (the steps below).",
    },
    "weak_math_then": {
        "ja": "そのあとで「{stage}」に戻りましょう。",
        "en": "Then go on with \"{stage}\".",
    },
    "continue_stage": {
        "ja": "まずは「{stage}」を仕上げましょう。残り{n}項目のうち、次に取り組む{k}項目を下に挙げます。",
        "en": "Finish \"{stage}\" first: {n} item(s) left, the next {k} listed below.",
    },
    "then_steps": {
        "ja": "その次は「{stage}」:",
        "en": "Then, in \"{stage}\":",
    },
    "then_stage": {
        "ja": "それが終わったら、次のステージ「{next}」に進みます。",
        "en": "After that, move on to \"{next}\".",
    },
    "after_last": {
        "ja": "「{done}」はロードマップの最終ステージです。論文やOSS、コミュニティで学び続け、専門を深めましょう。",
        "en": "\"{done}\" is the last stage of the roadmap: keep learning through papers, open source and the "
              "community, and deepen your specialty.",
    },
    "ready_claim_open": {
        "ja": "応募は今から始めて構いません。ロードマップでは応募の前に「{stage}」があるので、まだなら作品の1つで{items}まで"
              "やっておくと、面接で本番運用まで見通せることを示せます。",
        "en": "You can start applying now. The roadmap puts \"{stage}\" before applying, so if you have not yet, take one "
              "project as far as {items}: it shows interviewers you can see a model through to production.",
    },
    "applying_open": {
        "ja": "応募はこのまま続けて構いません。ロードマップでは応募の前に「{stage}」があるので、まだなら作品の1つで{items}まで"
              "やっておくと、面接で本番運用まで見通せることを示せます。",
        "en": "Keep applying. The roadmap puts \"{stage}\" before applying, so if you have not yet, take one project as far "
              "as {items}: it shows interviewers you can see a model through to production.",
    },
    "earlier_open": {
        "ja": "「{stage}」にもまだ残りがあります: {items}",
        "en": "Still open in \"{stage}\": {items}",
    },
    "stage_goal": {
        "ja": "このステージの目標: {goal}",
        "en": "The goal of this stage: {goal}",
    },
    "own_remaining": {
        "ja": "あなたの現在のステージ「{stage}」にも残りがあります: {items}",
        "en": "Still open in your current stage \"{stage}\": {items}",
    },
    "next_unknown_stage": {
        "ja": "今どの段階にいるかがわからないので、ロードマップの最初「{stage}」から示します。"
              "現在地を教えてもらえれば（例:「Pythonの基礎は終わった」）、そこから次を提案します。",
        "en": "I don't know where you are on the roadmap yet, so here is its start, \"{stage}\". Tell me what "
              "you have finished (e.g. \"I've done Python basics\") and I'll suggest what comes next.",
    },
    "duration_known": {"ja": "あなたの経験ですでに済んでいる項目を除くと、残りは約{hours}時間（週10時間なら約{months}か月）です。",
                       "en": " Leaving out what your experience already covers, about {hours} hours are left (about "
                             "{months} months at 10 hours a week)."},
    "duration_realistic": {
        "ja": "正直に言えば、約{months}か月このペースを続けられるなら十分に現実的な目標です。続けるこつは、毎日の"
              "時間帯を固定し、1〜2週間で終わる単位に区切って進むことです。",
        "en": " Honestly, if you can keep this pace for about {months} months, it is a realistic goal. The trick is a "
              "fixed time slot every day and pieces of work you can finish in a week or two.",
    },
    "duration_realistic_long": {
        "ja": "正直に言えば、約{months}か月は長く、途中で止まる人も多い長さです。不可能ではありませんが、週末に"
              "まとまった時間を足す、今の仕事でデータを扱う機会を作るなど、期間を縮める工夫を先に考えましょう。",
        "en": " Honestly, about {months} months is long, and many people stall over that stretch. It is not impossible, "
              "but first look for ways to shorten it: add a longer block at the weekend, or find data work in your "
              "current job.",
    },
    "duration_personal": {
        "ja": "あなたの場合（週{per_week:g}時間、残り約{hours}時間）なら、約{weeks}週間（約{months}か月）が目安です。",
        "en": " For you, at {per_week:g} hours a week with about {hours} hours to go, that is about {weeks} "
              "weeks (about {months} months).",
    },
    # ---------------------------------------------------------------- next steps and plans (both renderers)
    "next_steps_heading": {"ja": "次にやること", "en": "Next steps"},
    # a message that asks to record where the learner is: answers do not write to the profile, commands do
    "save_hint_cli": {"ja": "質問への回答では保存されません。「{title}」を現在のステージとして保存するには "
                            "careerbot stage set {id}、終えた項目は careerbot progress done 項目ID で記録できます。",
                      "en": "Answers do not save anything. To save \"{title}\" as your stage: careerbot stage set {id}; "
                            "finished items: careerbot progress done ITEM."},
    "profile_stage_cli": {"ja": "保存されている今のステージは「{title}」（{id}）です。確認は careerbot stage show、変更は careerbot stage set ステージID でできます。",
                          "en": "Your saved stage is \"{title}\" ({id}). See it with careerbot stage show; change it with careerbot stage set ID."},
    "profile_stage_discord": {"ja": "保存されている今のステージは「{title}」です。確認は `/stage show`、変更は `/stage set` でできます。",
                              "en": "Your saved stage is \"{title}\". See it with `/stage show`; change it with `/stage set`."},
    "profile_none_cli": {"ja": "ステージはまだ保存されていません。careerbot stage assess の簡単な質問で提案を受けるか、careerbot stage set ステージID で保存できます。",
                         "en": "No stage is saved for you yet. careerbot stage assess proposes one from a few questions; careerbot stage set ID saves one."},
    "profile_none_discord": {"ja": "ステージはまだ保存されていません。`/stage assess` の簡単な質問で提案を受けるか、`/stage set` で保存できます。",
                             "en": "No stage is saved for you yet. `/stage assess` proposes one from a few questions; `/stage set` saves one."},
    "profile_reset_cli": {"ja": "質問への回答では何も変わりません。最初からやり直すなら careerbot stage set education で最初のステージに戻し、完了にした項目は careerbot progress undo 項目ID で戻せます。保存データをすべて消すなら careerbot profile forget です。",
                          "en": "Answers change nothing. To start over, go back to the first stage with careerbot stage set education and unmark items with careerbot progress undo ITEM; careerbot profile forget deletes everything stored about you."},
    "profile_reset_discord": {"ja": "質問への回答では何も変わりません。最初からやり直すなら `/stage set` で最初のステージに戻してください。保存データをすべて消すなら `/forget` です。",
                              "en": "Answers change nothing. To start over, go back to the first stage with `/stage set`; `/forget` deletes everything stored about you."},
    "save_hint_discord": {"ja": "質問への回答では保存されません。「{title}」を現在のステージとして保存するには `/stage set`、"
                                "終えた項目は `/progress done` で記録できます。",
                          "en": "Answers do not save anything. To save \"{title}\" as your stage, use `/stage set`; "
                                "for finished items, `/progress done`."},
    "week": {"ja": "第{n}週", "en": "Week {n}"},
    "weeks_span": {"ja": "第{a}〜{b}週", "en": "Weeks {a}–{b}"},
    "free_weeks": {"ja": "{span}: 予定なし（復習・遅れの取り戻し・次の準備に）",
                   "en": "{span}: free (review, catch up, or get ahead)"},
    "hours": {"ja": "{h:g}時間", "en": "{h:g} h"},
    "part": {"ja": "（{p}/{n}）", "en": " (part {p}/{n})"},
    "plan_focus": {"ja": "「{stage}」を目指すとのことなので、最初の{months}か月はその前の段階に、残りをこのステージにあてます。",
                   "en": "Since you are aiming at \"{stage}\", the first {months} month(s) go to the stages before it and the rest to that stage."},
    "plan_months": {"ja": "{weeks}週間・週{h:g}時間{assumed}なら、ここから次の順で進められます:",
                    "en": "At {h:g} h a week{assumed}, your {weeks} weeks from here could go like this:"},
    "asked_items": {"ja": "聞かれた{items}は「{stage}」の項目です。このステージは次の順で進めましょう。",
                    "en": "You asked about {items}: part of \"{stage}\". Work through that stage in this order."},
    "pending_items": {"ja": "まだ手をつけていない{items}は「{stage}」の項目です。このステージは次の順で進めましょう。",
                      "en": "{items}, which you have not done yet, is part of \"{stage}\". Work through that stage in this order."},
    "choice_order": {"ja": "挙げてくれた中では、ロードマップの順で「{first}」が先、その後に{rest}です。",
                     "en": "Of the options you name, the roadmap puts \"{first}\" first, then {rest}."},
    "asked_stage": {"ja": "「{stage}」に進むなら、次の順で進めましょう。",
                    "en": "To move into \"{stage}\", work through it in this order."},
    "background_skips": {"ja": "{background}から考えて、{items}は済んでいるものとして除きました（必要なら言ってください）。",
                         "en": "With your {background}, I have left out {items} (say so if you want them back)."},
    "plan_alongside": {"ja": "「{stage}」の{items}もまだです。並行して週に数時間ずつ進めましょう。",
                       "en": "Still open from \"{stage}\": {items}. Give them a few hours a week alongside."},
    "plan_needed": {"ja": "ここからロードマップ{stage}段階目まで（応募を始められる目安）は残り約{hours}時間で、週{h:g}時間なら約{months}か月です。",
                    "en": "From here to ready-to-apply (roadmap stages up to {stage}) is about {hours} h: about {months} "
                          "months at {h:g} h a week."},
    "ready_intro": {"ja": "「{stage}」を終えて次の「{next}」に進む目安は、次のことができるようになっていることです:",
                    "en": "You are ready to move on from \"{stage}\" to \"{next}\" when:"},
    "ready_intro_last": {"ja": "「{stage}」の到達目安は、次のことができるようになっていることです:",
                         "en": "\"{stage}\" is done when:"},
    "ready_items": {"ja": "当てはまらないものがあれば、このステージの残りの項目（下の「次にやること」）で埋めましょう。"
                          "全部を完璧にしてから進む必要はなく、目安を満たしたら次に進み、足りない部分は並行して補えば十分です。",
                    "en": "If some do not hold yet, the stage's remaining items (next steps below) are what close the gap. "
                          "You need not master everything before moving on: once these hold, go ahead and patch the gaps "
                          "alongside."},
    "next_pace": {"ja": "週{h:g}時間なら、このステージの残り{n}項目（約{hours}時間）は約{weeks}週間です。",
                  "en": "At {h:g} h a week, the {n} item(s) left in this stage (about {hours} h) take about {weeks} week(s)."},
    "next_pace_ready": {"ja": "ロードマップ{stage}段階目まで（応募を始められる目安）は残り約{hours}時間、約{months}か月です。",
                        "en": " Ready-to-apply (roadmap stages up to {stage}) is about {hours} h away: about {months} "
                              "month(s)."},
    "next_pace_deadline": {"ja": "期限までの約{months}か月（週{h:g}時間で約{budget}時間）では、応募の目安まで約{short}時間足りません。"
                                 "時間を増やすか、期限までは今のステージを確実に仕上げ、その後も続ける計画にしましょう。",
                           "en": " Your deadline, about {months} month(s) at {h:g} h a week (about {budget} h), falls about "
                                 "{short} h short of that: add hours, or use the time to finish this stage well and keep "
                                 "going after it."},
    "next_pace_deadline_reach": {"ja": "期限までの約{months}か月（週{h:g}時間で約{budget}時間）で届くのは「{stage}」までで、応募の目安まで"
                                       "はあと約{short}時間足りません。時間を増やすか、期限後も続ける前提で、そこまでを確実に仕上げましょう。",
                                 "en": " Your deadline, about {months} month(s) at {h:g} h a week (about {budget} h), gets you "
                                       "through \"{stage}\", about {short} h short of ready-to-apply: add hours, or finish "
                                       "that much well and keep going after the deadline."},
    "plan_apply": {"ja": "応募を始めるなら、最後の数週間は並行して{items}（計約{h}時間）も進めましょう。",
                   "en": "Since you mean to apply at the end, give part of the last weeks to {items} (about {h} h)."},
    "plan_assumed": {"ja": "（時間の指定がないので仮定）", "en": " (assumed: you did not say)"},
    "plan_month": {"ja": "- {m}か月目: {items}", "en": "- Month {m}: {items}"},
    "plan_week": {"ja": "- 第{m}週: {items}", "en": "- Week {m}: {items}"},
    "plan_spare": {"ja": "{m}か月目以降: チェックリストはここで終わります。選んだ分野の作品を深めながら、応募と面接を続けましょう。",
                   "en": "Month {m} on: the checklist ends here. Deepen a project in the field you chose, and keep applying "
                         "and interviewing."},
    "plan_rest": {"ja": "この期間に収まらない残り約{rest:g}時間（{items}）は、その後に続けましょう。",
                  "en": "The remaining ~{rest:g} h ({items}) follow after that."},
    "plan_short_of_ready": {"ja": "このペースでは、この期間内に応募の目安（ロードマップ{stage}段階目）までは届きません。間に合わせるには週約{h}時間が必要です。",
                            "en": "At this pace the plan stops short of ready-to-apply (roadmap stage {stage}); "
                                  "getting there in this time takes about {h} h a week."},
    "plan_title": {"ja": "学習プラン: {stages}（{weeks}週間・週{h:g}時間）",
                   "en": "Study plan: {stages} ({weeks} weeks, {h:g} h/week)"},
    "plan_total": {"ja": "合計 {total:g} 時間 / 予算 {budget:g} 時間", "en": "Total {total:g} h of a {budget:g} h budget"},
    "too_short": {
        "ja": "この期間では足りません: 内容は合計 {total:g} 時間で、{weeks}週間 × 週{h:g}時間 = {budget:g} 時間を"
              "超えています。週{h:g}時間なら {need_w} 週間、{weeks}週間で終えるなら週 {need_h:g} 時間が必要です。",
        "en": "That is not enough time: the content needs {total:g} h, more than {weeks} weeks × {h:g} h = "
              "{budget:g} h. At {h:g} h a week it needs {need_w} weeks; to finish in {weeks} weeks it needs "
              "{need_h:g} h a week.",
    },
    "partial_plan": {"ja": "この期間に入る分だけを、ロードマップの順に予定に入れました。",
                     "en": "This plan schedules what fits, in roadmap order."},
    "left_out": {"ja": "この期間に入らない分", "en": "Not covered in this plan"},
    "nothing": {"ja": "この範囲の項目はすべて完了しています。", "en": "Every item in this range is already done."},
    "stage_line": {"ja": "現在のステージ: {n}. {title}", "en": "Current stage: {n}. {title}"},
    "remaining": {"ja": "残り {r} 項目", "en": "{r} item(s) left"},
    "stage_complete": {
        "ja": "「{title}」のチェックリストはすべて完了しました！次のステージ「{next}」に進みますか？",
        "en": "You have completed every item of \"{title}\"! Move on to \"{next}\"?",
    },
    "last_stage": {
        "ja": "最終ステージ「{title}」のチェックリストを終えました。専門分野を深め、学び続けましょう。",
        "en": "You finished the last stage, \"{title}\". Keep deepening your specialty and keep learning.",
    },
    "resource": {"ja": "教材", "en": "Resource"},
    # ---------------------------------------------------------------- the terminal (careerbot CLI)
    "empty_question_cli": {"ja": "質問が空です。質問文を入力してください。", "en": "The question is empty: please type a question."},
    "chat_intro": {
        "ja": "careerbot — 質問をどうぞ。「次は？」「もっと詳しく」「英語で」などの続きの質問もできます。"
              "複数行を貼り付けたら空行で送信、/help でヘルプ、/quit か Ctrl-D で終了。",
        "en": "careerbot — ask a question. Follow-ups like \"what next?\", \"tell me more\" or \"in Japanese\" "
              "work too. Paste several lines and send with an empty line; /help for help, /quit or Ctrl-D to quit.",
    },
    "chat_help": {
        "ja": "使い方:\n"
              "  質問を入力して Enter（複数行の貼り付けは空行で送信）\n"
              "  続きの質問: 「次は？」「もっと詳しく」「英語で」「学生の場合は？」\n"
              "  /help このヘルプ   /quit 終了（Ctrl-D でも）",
        "en": "How to use:\n"
              "  type a question and press Enter (send a multi-line paste with an empty line)\n"
              "  follow-ups: \"what next?\", \"tell me more\", \"in Japanese\", \"what about for a student?\"\n"
              "  /help this help   /quit quit (Ctrl-D works too)",
    },
    "stages_total": {"ja": "全7ステージの合計: {h:g}時間", "en": "All 7 stages: {h:g} h in total"},
    "stage_set_cli": {"ja": "ステージを設定しました: {n}. {title} ({id})", "en": "Stage set: {n}. {title} ({id})"},
    "no_stage_cli": {
        "ja": "まだステージが設定されていません。自己診断（careerbot stage assess）か careerbot stage set ID で設定してください。"
              "ステージの一覧は careerbot stages で見られます。",
        "en": "No stage is set yet. Take the self-assessment (careerbot stage assess) or run careerbot stage set ID; "
              "careerbot stages lists them.",
    },
    "assess_cancelled": {"ja": "自己診断を中止しました。何も保存していません。",
                         "en": "Self-assessment cancelled; nothing was saved."},
    "assess_suggest": {"ja": "おすすめのステージ: {n}. {title} ({id})", "en": "Suggested stage: {n}. {title} ({id})"},
    "assess_confirm": {"ja": "このステージに設定しますか？ (y/n)", "en": "Set it as your stage? (y/n)"},
    "not_saved": {"ja": "保存していません。", "en": "Not saved."},
    "saved": {"ja": "保存しました。", "en": "Saved."},
    "marked_done_cli": {"ja": "完了にしました: {title} ({id})", "en": "Marked done: {title} ({id})"},
    "already_done_cli": {"ja": "すでに完了しています: {title} ({id})", "en": "Already done: {title} ({id})"},
    "undone_cli": {"ja": "未完了に戻しました: {title} ({id})", "en": "Marked not done: {title} ({id})"},
    "not_done_cli": {"ja": "まだ完了していません: {title} ({id})", "en": "Was not done: {title} ({id})"},
    "confirm_hint": {"ja": "進むには: careerbot stage set {id}", "en": "To move on: careerbot stage set {id}"},
    "plan_needs_stage_cli": {
        "ja": "プランの最初のステージを --stage で指定するか、先に careerbot stage set ID でステージを設定してください。",
        "en": "Give the first stage with --stage, or set your stage first with careerbot stage set ID.",
    },
    "plan_needs_hours_cli": {
        "ja": "1週間の学習時間を --hours で指定してください（次回からは覚えておきます）。",
        "en": "Give your study hours per week with --hours (remembered for next time).",
    },
    "lang_set": {"ja": "これからは日本語で話します。", "en": "careerbot will speak English to you from now on."},
    # ---------------------------------------------------------------- Discord
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
    "empty_question": {
        "ja": "質問を書いてください。例:「MLOpsって何から始めればいい？」",
        "en": "Please write a question, for example: \"What should I learn first for MLOps?\"",
    },
    "busy": {
        "ja": "データベースが混み合っているため、何も変更できませんでした。少し待ってからもう一度お試しください。",
        "en": "The database is busy, so nothing was changed; please try again in a moment.",
    },
    "store_failed": {
        "ja": "保存できなかったため、何も変更していません。しばらくしてからもう一度お試しください。",
        "en": "Couldn't save; nothing changed. Please try again later.",
    },
    "discord_trouble": {
        "ja": "Discord 側で問題が起きているため完了できませんでした。1分ほど待ってからもう一度お試しください。",
        "en": "Discord is having trouble right now, so I couldn't finish that; please try again in a minute.",
    },
    "not_ready": {
        "ja": "起動中です。数秒後にもう一度お試しください。",
        "en": "I'm still starting up; please try again in a few seconds.",
    },
    "restarting": {
        "ja": "再起動中です。少し待ってからもう一度お試しください。",
        "en": "I'm restarting; please ask again in a moment.",
    },
    "restart_unanswered": {
        "ja": "答える前に再起動することになりました。すみませんが、少し待ってからもう一度質問してください。",
        "en": "Sorry, I had to restart before I could answer; please ask again in a moment.",
    },
    "restart_unanswered_many": {
        "ja": "{users} 答える前に再起動することになりました。すみませんが、少し待ってからもう一度質問してください。",
        "en": "{users} Sorry, I had to restart before I could answer you; please ask again in a moment.",
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
        "ja": "質問チャンネル: {channels}\nスレッドで回答: {threads}\n質問文の保存: {store}\n"
              "学習グループでの名前の表示: {names}",
        "en": "Question channels: {channels}\nAnswer in threads: {threads}\nStore question text: {store}\n"
              "Name members in study groups: {names}",
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
    "reload_shrinks": {
        "ja": "新しいナレッジは今よりかなり少ない内容しか答えられません（{changes}）。"
              "ファイルが壊れていないか確認してください。このまま読み込みますか？ 読み込むまでは今の内容で回答を続けます。",
        "en": "The edited knowledge would serve far less than now ({changes}). Check that no file was emptied "
              "by mistake. Load it anyway? Until you confirm, I keep answering from the current version.",
    },
    "reload_shrink_change": {"ja": "{what} {old} → {new}", "en": "{what} {old} → {new}"},
    "kb_documents": {"ja": "トピックとステージ", "en": "topics and stages"},
    "kb_cards": {"ja": "回答カード", "en": "answer cards"},
    "kb_resources": {"ja": "教材", "en": "resources"},
    "reload_anyway": {"ja": "このまま読み込む", "en": "Load it anyway"},
    "reload_kept": {
        "ja": "読み込みを中止しました。今の内容で回答を続けます。",
        "en": "Not loaded; I keep answering from the current version.",
    },
    "reload_stale": {
        "ja": "その後に別の再読み込みがあったため、この確認は無効です。もう一度 /admin reload を実行してください。",
        "en": "Another reload happened since, so this confirmation no longer applies; run /admin reload again.",
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
              "**学習プラン** — `/学習プラン 表示` で週ごとのプラン（自分だけに表示）。\n"
              "**学習グループ** — モデレーターが `/学習プラン ピン留め` でグループ用プランを投稿・ピン留めします。"
              "「参加」を押すと参加でき、毎週のチェックインで終えた項目の「完了」を押せます"
              "（`/学習プラン リマインダー` でチェックインの日にDM）。モデレーターは `/学習プラン 一時停止`・"
              "`/学習プラン 再開`・`/学習プラン 週を延ばす`・`/学習プラン 終了`、今週のチェックインを今すぐ出す "
              "`/学習プラン チェックイン`、グループの進み具合の画像 `/学習プラン 状況` を使えます。\n"
              "**教材** — `/教材` でトピックやステージに合った教材を探せます。\n"
              "**プライバシー** — `/データ削除` で保存データをすべて削除できます。`/ヘルプ` でこの説明を表示します。\n"
              "**サーバー管理者** — `/サーバー設定 質問チャンネル 追加`・`/サーバー設定 質問チャンネル 解除` で"
              "質問チャンネルを、`/サーバー設定 スレッド` でスレッド回答を、`/サーバー設定 質問の保存` で質問文の保存を"
              "設定し、`/サーバー設定 表示` で確認できます。`/サーバー設定 名前の表示` をオンにすると、学習グループの"
              "画像にメンバー名が出ます。ナレッジを編集したら `/管理 再読み込み` で読み込み直します。",
        "en": "A career advisor for people becoming machine-learning engineers. Ask in English or Japanese.\n\n"
              "**Ask** — mention me, write in a question channel, or use `/ask`. Answers cite their sources "
              "and recommend resources.\n"
              "**Roadmap** — `/stage assess` finds where you are; `/stage set`, `/stage show`, and "
              "`/nextstep` shows what to do next.\n"
              "**Progress** — `/progress done` ticks off an item; `/progress show` shows your checklist.\n"
              "**Study plans** — `/plan show` builds a week-by-week plan just for you.\n"
              "**Study groups** — moderators `/plan pin` a group plan; members press Join, and each week's "
              "check-in lists the items with a Done button each (`/plan remind` sends a DM on check-in day). "
              "Moderators `/plan pause`, `/plan resume`, `/plan skip` or `/plan end` it; `/plan checkin` posts "
              "this week's check-in now and `/plan status` shows the group's progress as a picture.\n"
              "**Resources** — `/resources` finds curated resources for a topic or a stage.\n"
              "**Privacy** — `/forget` deletes everything stored about you. `/help` shows this.\n"
              "**Server admins** — `/config qa-channel add` and `/config qa-channel remove` set question "
              "channels, `/config threads` answers in threads, `/config store-questions` keeps question text, "
              "`/config show` shows the settings, and `/config show-names` lets study-group pictures name "
              "members; `/admin reload` reloads the knowledge files after an edit.",
    },
    "help_follow_ups": {
        "ja": "**続きの質問** — 回答のスレッドに書き込むか、回答に返信すると、その回答の続きとして答えます"
              "（スレッドではメンション不要）。例:「英語で」「もっと詳しく」「次は？」「学生の場合は？」",
        "en": "**Follow-ups** — write in an answer's thread (no mention needed there) or reply to an answer, and I "
              "answer in its context: \"in Japanese\", \"tell me more\", \"what next?\", \"what about for a "
              "student?\"",
    },
    # ---- study groups (bot/groups.py, bot/charts.py)
    "group_week_of": {"ja": "第{n}週（全{total}週）", "en": "Week {n} of {total}"},
    "weekday_short": {"ja": "月 火 水 木 金 土 日", "en": "Mon Tue Wed Thu Fri Sat Sun"},
    "weekday_long": {"ja": "月曜 火曜 水曜 木曜 金曜 土曜 日曜",
                     "en": "Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays"},
    "group_date": {"ja": "{y}年{m}月{d}日（{wd}）", "en": "{wd} {iso}"},
    "group_checkin_time": {"ja": "毎週{day} {time}（{tz}）", "en": "{day} at {time} ({tz})"},
    "group_before": {"ja": "{date}に開始", "en": "Starts {date}"},
    "group_extra_week": {"ja": "（延長週）", "en": " (extra week)"},
    "group_paused": {"ja": "一時停止中（第{n}週）", "en": "Paused in week {n}"},
    "group_paused_before": {"ja": "一時停止中（開始前）", "en": "Paused before it started"},
    "group_finished": {"ja": "終了（全{total}週）", "en": "Finished ({total} weeks)"},
    "group_ended": {"ja": "第{n}週で終了", "en": "Ended in week {n}"},
    "group_ended_before": {"ja": "開始前に終了", "en": "Ended before it started"},
    "group_streak": {"ja": "{n}人が{w}週連続で続けています", "en": "{n} members kept a {w}-week streak"},
    "group_streak_one": {"ja": "{n}人が{w}週連続で続けています", "en": "{n} member kept a {w}-week streak"},
    "group_on_track": {"ja": "{total}人中{n}人が予定どおりです", "en": "{n} of {total} members are on track"},
    "group_checkin_late": {"ja": "（予定より遅れての投稿です）", "en": "(posted late)"},
    "group_week_free": {"ja": "今週は新しい項目はありません。復習や遅れの取り戻しに使いましょう。",
                        "en": "No new items this week: use it to review or catch up."},
    "group_already_paused": {"ja": "このプランはすでに一時停止中です。", "en": "The plan is already paused."},
    "group_not_paused": {"ja": "このプランは一時停止していません。", "en": "The plan is not paused."},
    "group_not_running": {"ja": "このプランはすでに終わっています。", "en": "The plan is already over."},
    "group_paused_cannot_skip": {"ja": "一時停止中は週を飛ばせません。先に再開してください。",
                                 "en": "A paused plan cannot skip a week: resume it first."},
    "group_already_ended": {"ja": "このプランはすでに終了しています。", "en": "The plan has already ended."},
    "streak_line": {"ja": "連続{n}週（最長{longest}週）", "en": "Streak: {n} week(s) (longest {longest})"},
    "member_label": {"ja": "メンバー{n}", "en": "Member {n}"},
    "chart_progress_title": {"ja": "学習の進捗", "en": "Your progress"},
    "chart_checklist": {"ja": "ステージ別チェックリスト（完了/全項目）", "en": "Checklist by stage (done/all items)"},
    "chart_hours": {"ja": "完了 {done:g}時間・残り {left:g}時間", "en": "{done:g} h done · {left:g} h to go"},
    "chart_activity": {"ja": "週ごとの完了項目（直近{n}週）", "en": "Items done per week (last {n} weeks)"},
    "chart_empty_hint": {"ja": "まだ完了した項目はありません。項目を完了にすると、ここに進捗が表示されます。",
                         "en": "Nothing done yet: mark an item done and your progress shows here."},
    "chart_done_per_week": {"ja": "週ごとの完了項目（全員）", "en": "Items done per plan week (all members)"},
    "chart_members": {"ja": "参加者 {n}人", "en": "{n} member(s)"},
    "chart_on_track": {"ja": "予定どおり", "en": "On track"},
    "chart_behind": {"ja": "遅れ気味", "en": "Behind"},
    "chart_no_members": {"ja": "まだ参加者はいません", "en": "No members yet"},
    "chart_more": {"ja": "ほか{n}人", "en": "+{n} more"},
    "chart_written": {"ja": "進捗の画像を {path} に保存しました。", "en": "Wrote your progress picture to {path}."},
    "chart_empty_cli": {"ja": "まだ完了した項目はありません。`careerbot progress done 項目` で記録できます。",
                        "en": "Nothing done yet: `careerbot progress done ITEM` records an item."},
    # ---- study groups on Discord (bot/discordbot/studygroups.py; "sg_", not drawn in the pictures)
    "sg_title": {"ja": "学習グループ: {stages}", "en": "Study group: {stages}"},
    "sg_members": {"ja": "参加者: {n}人", "en": "Members: {n}"},
    "sg_checkins": {"ja": "チェックイン: {when}", "en": "Check-ins: {when}"},
    "sg_how": {"ja": "「参加」を押すとグループに参加できます。毎週のチェックインで、終えた項目の「完了」を押しましょう。",
               "en": "Press Join to take part. Each week's check-in lists the items: press Done on the ones you "
                     "finish."},
    "sg_join": {"ja": "参加", "en": "Join"},
    "sg_leave": {"ja": "退出", "en": "Leave"},
    "sg_remind": {"ja": "DMでリマインド", "en": "DM reminder"},
    "sg_done": {"ja": "完了: {title}", "en": "Done: {title}"},
    "sg_checkin_hint": {"ja": "終えた項目の「完了」を押すと、あなたの進捗に記録されます。",
                        "en": "Press Done on an item when you finish it: it goes into your progress."},
    "sg_joined": {"ja": "学習グループに参加しました（参加者 {n}人）。毎週のチェックインで「完了」を押して進捗を記録しましょう。",
                  "en": "You joined the study group ({n} members). Press Done under each week's check-in to record "
                        "your progress."},
    "sg_already_member": {"ja": "すでにこのグループに参加しています。", "en": "You are already a member of this group."},
    "sg_left": {"ja": "グループから退出しました。参加の記録とリマインダーは削除しました。",
                "en": "You left the group; your membership and reminder were deleted."},
    "sg_not_member": {"ja": "このグループには参加していません。", "en": "You are not a member of this group."},
    "sg_closed": {"ja": "このプランは終了しています。", "en": "This plan has ended."},
    "sg_gone": {"ja": "このプランはもうありません。", "en": "This plan no longer exists."},
    "sg_none": {"ja": "このチャンネルには学習グループのプランがありません（モデレーターが /plan pin で作成できます）。",
                "en": "There is no group plan in this channel (a moderator can create one with /plan pin)."},
    "sg_remind_on": {"ja": "チェックインの日にDMでお知らせします（/plan remind でオフにできます）。",
                     "en": "You'll get a DM on check-in day (turn it off with /plan remind)."},
    "sg_remind_off": {"ja": "リマインダーをオフにしました。", "en": "Reminders are off."},
    "sg_remind_join_first": {"ja": "リマインダーは参加者だけが使えます。先に「参加」を押してください。",
                             "en": "Reminders are for members: press Join first."},
    "sg_remind_dm": {"ja": "{channel} の学習グループ: {heading}のチェックインが投稿されました。\n{url}",
                     "en": "Study group in {channel}: the {heading} check-in is up.\n{url}"},
    "sg_marked_done": {"ja": "「{title}」を完了にしました（今週の項目 {d}/{n}）。",
                       "en": "Marked \"{title}\" done ({d}/{n} of this week's items)."},
    "sg_already_done": {"ja": "「{title}」はすでに完了しています（今週の項目 {d}/{n}）。",
                        "en": "\"{title}\" was already done ({d}/{n} of this week's items)."},
    "sg_done_join_hint": {"ja": "グループの集計に入るには、ピン留めされたプランの「参加」を押してください。",
                          "en": "To count in the group, press Join on the pinned plan."},
    "sg_paused": {"ja": "プランを一時停止しました。再開するまでチェックインは投稿されません。",
                  "en": "Paused the plan: no check-ins until it resumes."},
    "sg_resumed": {"ja": "プランを再開しました: {status}", "en": "Resumed the plan: {status}"},
    "sg_skipped": {"ja": "今の週を1週延ばしました: {status}", "en": "Skipped a week (the current one lasts a week longer): "
                                                              "{status}"},
    "sg_ended": {"ja": "プランを終了しました。", "en": "Ended the plan."},
    "sg_checkin_posted": {"ja": "チェックインを投稿しました: {url}", "en": "Posted the check-in: {url}"},
    "sg_checkin_exists": {"ja": "この週のチェックインはすでに投稿されています: {url}",
                          "en": "This week's check-in is already posted: {url}"},
    "sg_checkin_claimed": {"ja": "この週のチェックインは今まさに投稿されているところです。",
                           "en": "This week's check-in is being posted right now."},
    "sg_not_moderator": {"ja": "学習グループのプランの管理には、このチャンネルの「メッセージの管理」権限が必要です。",
                         "en": "Managing the group plan needs the Manage Messages permission in this channel."},
    "sg_checkin_none": {"ja": "今は投稿するチェックインがありません（{status}）。",
                        "en": "There is no check-in to post now ({status})."},
    "sg_bad_start": {"ja": "開始日は 2026-12-07 のように入力してください。", "en": "Give the start date as 2026-12-07."},
    "sg_bad_time": {"ja": "時刻は 09:00 のように入力してください。", "en": "Give the check-in time as 09:00."},
    "sg_bad_tz": {"ja": "タイムゾーン「{tz}」が見つかりません（例: Asia/Tokyo）。",
                  "en": "Unknown timezone \"{tz}\" (e.g. Asia/Tokyo)."},
    "sg_status": {"ja": "{status} · 参加者 {n}人", "en": "{status} · {n} member(s)"},
    "sg_names_on": {"ja": "学習グループの画像にメンバーの名前を表示します。",
                    "en": "Study-group pictures will name members."},
    "sg_names_off": {"ja": "学習グループの画像には人数だけを表示します（名前は出しません）。",
                     "en": "Study-group pictures show counts only, no names."},
}


def t(key: str, lang: Lang, **kwargs: object) -> str:
    """The message ``key`` in ``lang`` ('ja' or anything else for English), formatted."""
    text = MESSAGES[key]["ja" if lang == "ja" else "en"]
    return text.format(**kwargs) if kwargs else text
