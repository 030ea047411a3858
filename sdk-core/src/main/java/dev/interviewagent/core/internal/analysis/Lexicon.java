package dev.interviewagent.core.internal.analysis;

import java.util.List;
import java.util.Map;

/**
 * The phrase lexicons, as data in {@link PhraseMatcher} syntax, grouped by language and signal. To extend a rule,
 * add a phrase to the right list and a test case; nothing else changes. Immutable.
 *
 * <p>Deliberate omissions and guards, to keep false positives down:
 * <ul>
 *   <li>bare "once" (usually conditional: "once you know…") and "one time a week"-style counts are not examples;</li>
 *   <li>bare "standard" ("the ISO standard") and "etc."/"and so on" (they close concrete lists) are not evasive;</li>
 *   <li>"you know" is evasive only as a filler (followed by punctuation, or "how it is", "what I mean"): "you know
 *       the exact number was 12" and "do you know…" are not;</li>
 *   <li>"как все" is evasive only at the end of a clause or as "как все делают": "как все работает" is not;</li>
 *   <li>"act as", "pretend", "you are now", "ты теперь", "представь, что ты" count as instructions only in their
 *       command shape ("Act as…", "представь, что ты бот"): "I act as a mediator" is an answer;</li>
 *   <li>"остановимся" is a stop request only when it closes the clause or says "на этом": "остановимся подробнее на…"
 *       is not; "I have to go" must end the clause ("I have to go through the logs" is not a stop).</li>
 * </ul>
 */
public final class Lexicon {

    private Lexicon() {
    }

    /** English phrases for answer analysis. */
    public static final Map<Signal, List<String>> ENGLISH_ANALYSIS = Map.ofEntries(
            Map.entry(Signal.EVASIVE, List.of(
                    "as usual", "as always", "same as always|usual|ever",
                    "pretty|fairly|quite|just|all|very standard", "it's|that's standard $",
                    "standard process|procedure|way|stuff|practice|approach|thing|things|routine",
                    "the usual way|process|procedure|stuff|thing|things|routine", "the usual $",
                    "like everyone|everybody else?", "like all the others", "like anyone else",
                    "~do|did|if|what|as|don't|didn't|would|could|can|whether you know $",
                    "you know how it is|goes", "you know what i mean", "you know the drill",
                    "it|that|this all? depends", "depends on the situation|case|context|day|person",
                    "typically", "nothing special", "nothing out of the ordinary",
                    "the normal process|way|procedure|routine", "normal stuff",
                    "whatever works", "the regular way|process", "same old", "as one does")),
            Map.entry(Signal.EXAMPLE, List.of(
                    "last|past week|month|year|quarter|spring|summer|autumn|fall|winter|sprint|friday|monday"
                            + "|tuesday|wednesday|thursday|saturday|sunday|time",
                    "^ once $", "once upon a time", "one time", "one day|morning|evening|night|afternoon",
                    "one|a client|customer|patient|user|colleague|manager|candidate|project|engineer|student"
                            + "|team|company|partner of mine|ours",
                    "one client|customer|patient|colleague|project|candidate|student|partner|supplier|vendor"
                            + "|tenant|buyer|account",
                    "in|since|during|around #year", "i remember when|how|once|one|the", "i remember a|one",
                    "i recall a|one|when|how", "there was a|one time|case|client|customer|project|day|situation",
                    "for example", "for instance", "e g", "to give you an example",
                    "#num years|months|weeks|days ago", "a? few|couple|two|three|several of? years|months|weeks|days ago",
                    "yesterday", "the other day", "at my previous|last|old job|company|employer",
                    "in my last|previous job|role|company", "a case where", "we had a client|customer|case|project")),
            Map.entry(Signal.STEP, List.of(
                    "^ first|firstly $", "first of all", "^ first we|i|you|thing", "the first step",
                    "step #num", "step one|two|three|four|five", "^ then", "and then", "~back|since|until|till|by|even|just|right|only then we|i|you",
                    "after that", "afterwards", "^ next $", "the next step", "^ finally", "and finally", "^ lastly",
                    "^ second|secondly|third|thirdly $", "once that's done", "once that is done",
                    "at the end", "the last step")),
            Map.entry(Signal.FAILURE, List.of(
                    "~no|without|zero|never|any mistake|mistakes|error|errors|bug|bugs|incident|incidents"
                            + "|outage|outages|crash|crashes|problem|problems|failure|failures|disaster",
                    "failed", "fails", "went|goes|go|gone|going wrong", "broke", "broken", "lost", "missed",
                    "crashed", "screwed|messed|blew|blown up", "post-mortem|postmortem", "slipped through",
                    "fell apart", "overlooked")),
            Map.entry(Signal.FIX, List.of(
                    "fixed", "the|a fix", "to fix", "solved", "resolved", "caught", "prevented",
                    "rolled|roll back", "rollback", "recovered", "patched", "worked around", "workaround",
                    "the solution", "mitigated", "repaired", "restored")),
            Map.entry(Signal.REFUSAL, List.of(
                    "i'd rather not", "i would rather not", "i prefer not to", "i'd prefer not to",
                    "i would prefer not to", "i can't|cannot share|disclose|discuss", "i can't|cannot talk about",
                    "i'm not allowed|able to share|say|discuss|disclose", "no comment", "^ skip this|that|it $",
                    "skip this|that question", "let's skip", "can we skip", "next question", "^ pass $",
                    "that's|it's confidential", "i won't answer|discuss|say|share", "i will not answer|discuss",
                    "i don't want to answer", "not going to answer")),
            Map.entry(Signal.DISCOMFORT, List.of(
                    "this|that|it is painful", "it's|that's painful", "painful to talk|remember|discuss|recall",
                    "i'm|am|feel|feeling uncomfortable", "makes me uncomfortable", "this|that|it is uncomfortable",
                    "it's|that's uncomfortable", "uncomfortable talking|discussing|question|topic",
                    "i don't want to talk|speak about", "i do not want to talk|speak about",
                    "i'd rather not talk about", "upsetting", "upsets me", "too personal",
                    "hard|difficult to talk about", "still hurts", "i don't want to go into|there",
                    "sore subject|topic")),
            Map.entry(Signal.STOP, List.of(
                    "let's stop", "let us stop", "i want|need to stop|finish|end $",
                    "i want|need to stop|finish|end here|now",
                    "i want|need to stop|finish|end the|this interview|session|conversation",
                    "i'd|would like to stop|finish|end $", "i'd|would like to stop|finish|end here|now",
                    "i'd|would like to stop|finish|end the|this interview|session|conversation",
                    "end|stop|finish the|this interview|session|conversation",
                    "i have|need|got to go $", "i have|need|got to go now|soon", "i gotta go", "i must go",
                    "i've got to go", "let's finish|end", "let's wrap up", "let's wrap it up",
                    "that's enough for today|now", "that is enough for today|now", "enough for today", "can we stop|finish|end",
                    "let's call it a day", "i'm done $", "i am done $")),
            Map.entry(Signal.DONT_KNOW, List.of(
                    "i don't|dont know", "i do not know", "don't know $", "no idea",
                    "not my area|field|expertise|department|domain|thing|specialty",
                    "never dealt with", "never worked with", "outside my expertise|area|field|competence",
                    "i have no experience with|in", "i can't|cannot answer that|this", "dunno",
                    "not sure i can answer", "i've never done|had")),
            Map.entry(Signal.INSTRUCTION, List.of(
                    "ignore|disregard|forget all|any? your|previous|prior|above|earlier|preceding|system|my "
                            + "instructions|rules|prompt|prompts|guidelines|directions|constraints|programming",
                    "^ ignore|disregard|forget all|any? the? instructions|rules|prompt|guidelines",
                    "ignore|disregard|forget everything above|before|previously|said",
                    "^ you are|you're now", "from now on you're|act|respond|answer|ignore|only",
                    "from now on you are", "system prompt|message", "your system|initial|hidden instructions|prompt",
                    "print|reveal|show|repeat|output|tell|give|share|display|dump me? your instructions|prompt"
                            + "|prompts|rules|guidelines|configuration|config",
                    "print|reveal|show|repeat|output|display|dump me? the system|initial|hidden|original? "
                            + "instructions|prompt",
                    "^ act as", "you will act as", "i want you to act as", "^ pretend", "pretend you are|you're",
                    "pretend to be", "roleplay|role-play as",
                    "give|assign me|this|it a|the? perfect|maximum|max|top|full|highest score|rating|grade|mark"
                            + "|marks",
                    "mark|set this|the|my|current|all stage|stages|interview|section as? complete|completed|done"
                            + "|finished|passed",
                    "skip to the end", "skip to the last|final stage|question", "skip to wrap-up|wrap",
                    "skip all|remaining stages|questions", "developer|dev|god mode", "jailbreak|jailbroken",
                    "dan mode", "do anything now", "^ new instructions $", "your new instructions",
                    "override your rules|instructions|settings|programming", "override the system? instructions"
                            + "|prompt")));

    /** Russian phrases for answer analysis. Tokens are matched after {@code ё} → {@code е} and lower-casing. */
    public static final Map<Signal, List<String>> RUSSIAN_ANALYSIS = Map.ofEntries(
            Map.entry(Signal.EVASIVE, List.of(
                    "как обычно", "как всегда", "все как всегда|обычно",
                    "стандартн* процесс*|процедур*|схем*|подход*|способ*|истори*|ситуаци*|вещ*?",
                    "по стандарту", "по процессу", "как все $", "как и все", "как все делают|остальные|люди",
                    "как у всех", "ну вы же? понимаете", "вы же понимаете", "сами понимаете", "ну вы знаете", "как принято",
                    "типично", "типичн* ситуаци*|истори*", "как правило", "в общем", "в общем-то", "ну такое",
                    "по-разному бывает?", "по разному бывает?", "зависит от ситуации|случая|обстоятельств"
                            + "|обстановки|контекста|человека", "когда как", "ничего особенного",
                    "обычн* процесс*|порядк*|схем*|способ*", "как положено", "по накатанной", "ну как-то так")),
            Map.entry(Signal.EXAMPLE, List.of(
                    "на прошлой|позапрошлой неделе", "в прошлом|позапрошлом|том году|месяце|квартале",
                    "прошлым летом|осенью|зимой|весной", "прошлой осенью|зимой|весной", "однажды",
                    "один|одна|одно|одного|одной|одному клиент*|заказчик*|пациент*|коллег*|руководител*"
                            + "|проект*|кандидат*|компани*|сотрудник*|партнер*|поставщик*|студент*|покупател*",
                    "например", "к примеру", "помню как|случай|когда|историю|одного|одну|один",
                    "в|с #year", "был|была|было случай|история|ситуация", "как-то раз", "недавно", "вчера",
                    "#num лет|года|год|месяцев|месяца|недель|недели|дней|дня назад",
                    "пару|несколько лет|месяцев|недель|дней назад", "год|года|лет|месяц|месяца назад",
                    "на прошлой|предыдущей|старой работе", "в прошлой|предыдущей|старой компании|команде",
                    "у нас был|была клиент*|случай|проект*|ситуаци*|заказчик*")),
            Map.entry(Signal.STEP, List.of(
                    "сначала", "потом", "затем", "после этого|чего|того", "в конце", "наконец", "шаг|шаги|шагом",
                    "во-первых", "во-вторых", "в-третьих", "первым делом", "далее", "в первую очередь",
                    "следующий|следующим шаг*|этап*", "на первом|втором|следующем этапе")),
            Map.entry(Signal.FAILURE, List.of(
                    "~без|нет|никаких|ни ошиб*|провал*|сбой|сбои|сбоя|сбоев|авари*|инцидент*|косяк*|проблем*"
                            + "|факап*",
                    "сломал*", "потерял*", "упустил*", "пошло|пошел|пошла|идет|шло не так", "упал|упала|упало|упали",
                    "накосячил*", "облажал*", "не сработал*", "прошляпил*", "проглядел*", "пропустил*")),
            Map.entry(Signal.FIX, List.of(
                    "исправил*", "решил* проблем*|это|ее|его|вопрос|задач*", "нашли|нашел|нашла решение",
                    "поймал*", "предотвратил*", "откатил*", "восстановил*", "починил*", "пофиксил*",
                    "устранил*", "поправил*", "закрыли|закрыл баг*|дыр*|проблем*", "обошли|обошел проблем*")),
            Map.entry(Signal.REFUSAL, List.of(
                    "не хочу отвечать", "предпочту не|промолчать", "не могу сказать !что|точно|наверняка|как|сколько|когда|почему|заранее|сразу",
                    "не могу это|об? этом? рассказать|рассказывать|говорить|раскрыть|разглашать|обсуждать",
                    "без комментариев", "пропустим", "пропустите", "давайте|давай дальше", "следующий вопрос",
                    "это конфиденциальн*", "не буду|стану отвечать|говорить|рассказывать",
                    "не готов|готова отвечать|обсуждать|рассказывать")),
            Map.entry(Signal.DISCOMFORT, List.of(
                    "не хочу об этом", "не хочу это|этого? вспоминать|обсуждать", "мне неприятно",
                    "неприятно об? этом? говорить|вспоминать", "тяжело|больно вспоминать|говорить",
                    "тяжело|больно|трудно об этом вспоминать|говорить", "трудно вспоминать",
                    "слишком личн*", "некомфортно", "мне больно", "больная тема", "это личное $")),
            Map.entry(Signal.STOP, List.of(
                    "давайте|давай закончим|заканчивать|завершим|прекратим|заканчиваем|завершать",
                    "хочу|хотел|хотела бы? закончить|завершить|остановиться|прекратить $",
                    "хочу|хотел|хотела бы? закончить|завершить|остановиться|прекратить интервью|разговор|беседу"
                            + "|на|сейчас|пораньше",
                    "остановимся $", "остановимся на этом|сегодня|сейчас|пока", "мне пора $",
                    "мне пора идти|бежать|уходить|заканчивать", "хватит на сегодня", "на сегодня хватит|все|достаточно",
                    "завершим|закончим|заканчиваем интервью|разговор|беседу", "закончим на этом",
                    "закончить|завершить интервью", "^ стоп $", "мне нужно|надо идти|бежать|уходить")),
            Map.entry(Signal.DONT_KNOW, List.of(
                    "не знаю", "не моя область|сфера|тема|компетенция|специализация|епархия",
                    "понятия не имею", "не сталкивал*", "не в моей компетенции", "не разбираюсь", "без понятия",
                    "не имею опыта", "не могу ответить", "никогда этим не занимал*")),
            Map.entry(Signal.INSTRUCTION, List.of(
                    "игнорируй|игнорируйте|проигнорируй|проигнорируйте все|всё? предыдущие|прошлые|свои|твои|прежние"
                            + "|системные? инструкции|правила|указания|инструкций|промпт|ограничения",
                    "забудь|забудьте все? свои|твои|предыдущие|прошлые? инструкции|правила|указания|ограничения",
                    "ты теперь не? ии|бот|модель|ассистент|другой|другая|свободн*|dan|gpt|chatgpt|персонаж",
                    "теперь ты не? ии|бот|модель|ассистент|другой|другая|свободн*|dan|gpt|chatgpt|персонаж",
                    "^ ты теперь $", "системн* промпт*|prompt|инструкци*|сообщени*",
                    "покажи|выведи|раскрой|напиши|повтори|покажите|выведите|раскройте|перечисли свои|твои|ваши? "
                            + "инструкции|промпт|правила|настройки",
                    "представь|представьте что ты|вы ии|бот|модель|ассистент|другой|другая|теперь|без|dan|gpt",
                    "притворись|притворитесь", "веди|ведите себя как", "действуй|действуйте как",
                    "сыграй|сыграйте роль",
                    "поставь|поставьте|дай|дайте мне? максимальн*|высш*|полн*|наивысш*|отличн* оценк*|балл*"
                            + "|рейтинг*",
                    "отметь|отметьте|пометь|пометьте|считай|считайте этот|текущий|мой? этап|раздел|интервью "
                            + "как? завершенн*|завершен*|пройденн*|выполненн*|законченн*",
                    "режим* разработчик*|бога|админ*", "джейлбрейк|jailbreak", "^ новые инструкции $",
                    "перейди|переходи|перейдите к концу|финалу|последнему",
                    "пропусти|пропустите все этапы|вопросы|остальное")));

    /** English phrases used by knowledge extraction on top of the analysis ones. */
    public static final Map<Signal, List<String>> ENGLISH_KNOWLEDGE = Map.ofEntries(
            Map.entry(Signal.TIME, List.of(
                    "last|past week|month|year|quarter|spring|summer|autumn|fall|winter|sprint|friday|monday",
                    "in|since|during|around #year", "back in #year", "#num years|months|weeks|days ago",
                    "a? few|couple|two|three|several of? years|months|weeks|days ago", "yesterday",
                    "the other day", "one day|morning|evening|night", "recently", "in my first|second|third year")),
            Map.entry(Signal.RESULT, List.of(
                    "as a result", "so we", "in the end", "which meant", "the result was", "resulting in",
                    "we ended up", "it turned out", "the outcome was", "eventually we")),
            Map.entry(Signal.WARNING_SIGN, List.of(
                    "the|a first sign|signs", "you notice", "you'll notice", "you start to notice|see",
                    "warning sign|signs", "red flag|flags", "a sign that", "the symptom|symptoms",
                    "early sign|signs|warning", "tell-tale|telltale sign|signs", "you can tell")),
            Map.entry(Signal.CONSEQUENCE, List.of(
                    "which led to", "led to", "cost us|him|her|them|the|me", "resulted in", "we lost",
                    "the consequence|consequences", "as a result we lost", "ended up losing", "because of that we")),
            Map.entry(Signal.MILESTONE, List.of(
                    "after|within|in #num|a|one|two|three|four|five|six|several year|years|month|months",
                    "in|during my first|second|third|fourth|fifth year|month|job|role|years",
                    "by the|my? second|third|fourth|fifth year", "at the start|beginning of my career",
                    "early in my career", "when i started|began", "#num years in", "a|two year|years later", "after a few years|months",
                    "years later", "after a while i")),
            Map.entry(Signal.NOVICE, List.of(
                    "novice|novices|newcomer|newcomers|beginner|beginners|junior|juniors|rookie|rookies|trainee"
                            + "|trainees|intern|interns|newbie|newbies",
                    "new hire|hires", "someone new", "fresh graduate|graduates", "on day one")),
            Map.entry(Signal.INTERMEDIATE, List.of(
                    "mid-level|intermediate|mids|middle", "mid level", "a good one", "good ones",
                    "competent|average engineer|engineers|people|specialist|specialists")),
            Map.entry(Signal.EXPERT, List.of(
                    "expert|experts|senior|seniors|veteran|veterans|masters|master", "the best ones|people|engineers",
                    "top performers", "great ones", "good from|and great", "the pros")),
            Map.entry(Signal.INSIGHT, List.of(
                    "the secret", "what nobody tells you", "what no one tells you", "nobody tells you", "no one tells you", "the key is",
                    "the trick is", "the real|key thing is", "most people think|believe|assume",
                    "counterintuitively|counter-intuitively", "counterintuitive|counter-intuitive", "the truth is",
                    "in reality", "what really matters", "it's not about", "it is not about", "no textbook",
                    "the real job|work|skill is", "the hardest part is", "people don't realise|realize",
                    "the most important thing")));

    /** Russian phrases used by knowledge extraction on top of the analysis ones. */
    public static final Map<Signal, List<String>> RUSSIAN_KNOWLEDGE = Map.ofEntries(
            Map.entry(Signal.TIME, List.of(
                    "на прошлой|позапрошлой неделе", "в прошлом|позапрошлом|том году|месяце|квартале",
                    "в|с #year году?", "#num лет|года|год|месяцев|месяца|недель|недели|дней|дня назад",
                    "пару|несколько лет|месяцев|недель|дней назад", "вчера", "недавно", "однажды")),
            Map.entry(Signal.RESULT, List.of(
                    "в итоге", "в результате", "так что мы", "по итогу", "закончилось тем", "в конечном счете",
                    "оказалось")),
            Map.entry(Signal.WARNING_SIGN, List.of(
                    "первый|первые признак*", "признак*", "замечаешь", "заметишь", "начинаешь замечать|видеть",
                    "звоночек|звоночки|звонок", "тревожн* сигнал*|знак*", "симптом*", "красный флаг")),
            Map.entry(Signal.CONSEQUENCE, List.of(
                    "в результате потерял*", "привело|привели|приводит к", "стоило|стоила|стоил нам|компании|нам",
                    "обошлось|обошлась нам|в", "последстви*", "из-за этого", "потеряли")),
            Map.entry(Signal.MILESTONE, List.of(
                    "через год|месяц|полгода", "через #num|два|три|четыре|пять|пару|несколько лет|года|месяцев"
                            + "|месяца|недель",
                    "на первом|втором|третьем|четвертом|пятом году|курсе",
                    "на первый|второй|третий|четвертый|пятый год|месяц", "в первый|первые год|годы|месяц|месяцы",
                    "в начале карьеры|пути", "когда я начинал|начинала|пришел|пришла",
                    "спустя год|полгода|пару|несколько|#num", "к третьему|второму|пятому году")),
            Map.entry(Signal.NOVICE, List.of(
                    "новичок|новичка|новичку|новички|новичков|новичкам|новичками", "джун*", "начинающ*",
                    "стажер*", "младш* специалист*", "в первый день", "новенький|новенькие|новеньких")),
            Map.entry(Signal.INTERMEDIATE, List.of(
                    "мидл*|миддл*|middle", "средн* уровн*|специалист*", "хороший|хорошие специалист*")),
            Map.entry(Signal.EXPERT, List.of(
                    "сеньор*|синьор*|senior|эксперт*|профи|мастер|мастера|мастеров|профессионал*|опытн*",
                    "лучшие специалист*", "от великого|отличного")),
            Map.entry(Signal.INSIGHT, List.of(
                    "секрет в том", "секрет", "никто не говорит|скажет|расскажет|учит", "главное $", "главное это|в|что",
                    "на самом деле", "ключевое|ключ в том", "фишка в том", "большинство думает|считает|думают|считают",
                    "парадокс*", "мало кто знает|понимает", "ни в одном учебнике", "самое важное",
                    "самое сложное", "неочевидн*")));
}
