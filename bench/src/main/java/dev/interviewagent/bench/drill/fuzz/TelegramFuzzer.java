package dev.interviewagent.bench.drill.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.telegram.TelegramChannel;
import dev.interviewagent.telegram.fake.FakeBotApi;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Hostile updates through the Bot API stand-in ({@link FakeBotApi}, which also checks every call the channel makes
 * against the published Bot API) into a long-polling {@link TelegramChannel}: malformed and out-of-range entities,
 * huge texts and captions, update kinds the channel does not know, forged callback data, ids of the wrong type,
 * missing chats, absurd voice messages, redeliveries. After every {@link #BATCH} of them a well-behaved chat
 * answers its interview. Expected: long polling takes every update (nothing stuck behind a bad one), the
 * well-behaved chat gets a reply every time and its interview holds its own answers only, the channel becomes idle,
 * and no call it makes is refused by the Bot API as malformed.
 */
final class TelegramFuzzer {

    static final int BATCH = 25;
    private static final String TOKEN = "424242:fuzz-drill-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CONTROL_CHAT = 777_000_001L;
    /** In every answer of the well-behaved chat, and nowhere else. */
    private static final String VICTIM_WORD = "ZKTELEGRAM7";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TelegramFuzzer() {
    }

    static void run(int updates, Random random, Tally tally) throws Exception {
        try (FakeBotApi api = FakeBotApi.start(TOKEN);
             InterviewEngine engine = InterviewEngine.builder().build();
             TelegramChannel channel = TelegramChannel.builder(TOKEN, engine).apiUrl(api.url())
                     .initialBackoff(Duration.ofMillis(10)).build()) {
            channel.start();
            InterviewId victim = startVictim(api, channel, tally);
            if (victim == null) {
                return;
            }
            int sent = 0;
            int batch = 0;
            while (sent < updates) {
                int n = Math.min(BATCH, updates - sent);
                for (int i = 0; i < n; i++) {
                    push(api, random, tally);
                }
                sent += n;
                batch++;
                int before = api.messages(String.valueOf(CONTROL_CHAT)).size();
                int id = api.push(FakeBotApi.text(CONTROL_CHAT, "en", victimAnswer(batch)));
                try {
                    api.awaitTaken(id, WAIT);
                } catch (AssertionError e) {
                    tally.problem("telegram batch " + batch + ": long polling stuck (" + e.getMessage() + ")");
                    return;
                }
                if (!channel.awaitIdle(WAIT)) {
                    tally.problem("telegram batch " + batch + ": the channel did not become idle within " + WAIT);
                }
                if (api.messages(String.valueOf(CONTROL_CHAT)).size() > before) {
                    tally.met();
                } else {
                    tally.problem("telegram batch " + batch + ": the well-behaved chat's answer got no reply after "
                            + "the hostile updates");
                }
            }
            // the well-behaved chat's interview holds its own answers only
            for (Turn t : engine.transcript(victim)) {
                if (t.isRespondent() && t.kind() == Turn.Kind.ANSWER && (t.text().contains(HostileText.CANARY)
                        || !t.text().contains(VICTIM_WORD))) {
                    tally.problem("telegram: a foreign answer in the well-behaved chat's interview, turn "
                            + t.number());
                }
            }
            long refused = api.calls().stream().filter(c -> c.status() == 400).count();
            if (refused > 0) {
                FakeBotApi.Call first = api.calls().stream().filter(c -> c.status() == 400).findFirst().orElseThrow();
                tally.problem("telegram: " + refused + " calls refused by the Bot API as malformed, e.g. "
                        + first.method() + " " + brief(first.params().toString()));
            }
            tally.count("telegram calls " + api.calls().size());
        }
    }

    /** The well-behaved chat starts its interview (language, style, no profile) and gets its first question. */
    private static InterviewId startVictim(FakeBotApi api, TelegramChannel channel, Tally tally)
            throws InterruptedException {
        List<ObjectNode> steps = List.of(FakeBotApi.text(CONTROL_CHAT, "en", "/start"),
                FakeBotApi.callback(CONTROL_CHAT, "en", 1, "lang:en"),
                FakeBotApi.callback(CONTROL_CHAT, "en", 2, "style:master"),
                FakeBotApi.callback(CONTROL_CHAT, "en", 3, "profile:skip"));
        for (ObjectNode step : steps) {
            api.awaitTaken(api.push(step), WAIT);
            channel.awaitIdle(WAIT);
        }
        InterviewId id = channel.engine().findActive("telegram:" + CONTROL_CHAT).orElse(null);
        if (id == null) {
            tally.problem("telegram: the well-behaved chat could not start its interview");
        }
        return id;
    }

    private static String victimAnswer(int n) {
        return "At the " + VICTIM_WORD + " plant, case " + n + ": first I check the pressure log, then I call the "
                + "shift lead, and we replace the valve within twenty minutes.";
    }

    private static void push(FakeBotApi api, Random random, Tally tally) {
        long chat = 800_000_000L + random.nextInt(50);
        int pick = random.nextInt(100);
        ObjectNode update;
        String kind;
        if (pick < 12) {
            kind = "malformed entities";
            update = FakeBotApi.text(chat, "en", "/start " + HostileText.answer(random));
            ObjectNode message = (ObjectNode) update.get("message");
            switch (random.nextInt(5)) {
                case 0 -> message.putArray("entities").addObject().put("type", "bot_command").put("offset", 5000)
                        .put("length", -3);
                case 1 -> message.putArray("entities").addObject().put("type", "zz_unknown").put("offset", 0)
                        .put("length", 1);
                case 2 -> message.putArray("entities").addObject().put("type", "text_link").put("offset", 0)
                        .put("length", 4).put("url", "javascript:alert(1)");
                case 3 -> message.put("entities", 42);
                default -> message.putArray("entities").add("not an entity");
            }
        } else if (pick < 22) {
            kind = "huge text";
            update = FakeBotApi.text(chat, "en", HostileText.CANARY + " " + "long ".repeat(5_000
                    + random.nextInt(20_000)));
        } else if (pick < 30) {
            kind = "huge caption";
            update = FakeBotApi.photo(chat, "en");
            ((ObjectNode) update.get("message")).put("caption", "cap ".repeat(20_000 + random.nextInt(20_000)))
                    .putArray("caption_entities").addObject().put("type", "bold").put("offset", -1)
                    .put("length", Integer.MAX_VALUE);
        } else if (pick < 42) {
            kind = "unknown update kind";
            update = JSON.createObjectNode();
            String field = List.of("zz_future_update", "edited_message", "channel_post", "poll", "my_chat_member",
                    "message_reaction", "business_message", "purchased_paid_media").get(random.nextInt(8));
            update.putObject(field).put("id", random.nextInt()).put("text", HostileText.answer(random));
        } else if (pick < 62) {
            kind = "forged callback data";
            String data = List.of("lang:xx", "lang:", "style:../../etc", "style:" + "s".repeat(300),
                    "profile:" + "p".repeat(64), "transcript:confirm", "transcript:type", "delete:confirm",
                    "\u0000\u0001", "", "{\"type\":\"complete\"}", "lang:en lang:ru").get(random.nextInt(12));
            update = FakeBotApi.callback(chat, "en", random.nextInt(1_000_000), data);
            if (random.nextInt(4) == 0) {
                ((ObjectNode) update.get("callback_query")).remove("message");   // an inline message's button
            }
        } else if (pick < 72) {
            kind = "fields of the wrong type";
            update = FakeBotApi.text(chat, "en", "hello " + HostileText.CANARY);
            ObjectNode message = (ObjectNode) update.get("message");
            switch (random.nextInt(4)) {
                case 0 -> message.put("message_id", "not-a-number");
                case 1 -> message.put("chat", "a chat");
                case 2 -> message.putArray("text").add("a");
                default -> message.put("date", "yesterday");
            }
        } else if (pick < 80) {
            kind = "message without a chat or sender";
            update = FakeBotApi.text(chat, "en", "orphan " + HostileText.CANARY);
            ((ObjectNode) update.get("message")).remove(random.nextBoolean() ? "chat" : "from");
        } else if (pick < 88) {
            kind = "absurd voice message";
            update = FakeBotApi.voice(chat, "en", "no-such-file-" + random.nextInt(1000),
                    random.nextBoolean() ? 1L << 40 : -1, random.nextBoolean() ? -5 : 100_000);
        } else if (pick < 94) {
            kind = "redelivered update";
            update = FakeBotApi.text(chat, "en", "/help");
            api.push(update);
            api.pushAgain(update);
            tally.input("telegram", kind);
            return;
        } else {
            kind = "text full of MarkdownV2 specials";
            update = FakeBotApi.text(chat, "ru", "_*[]()~`>#+-=|{}.!\\ " + HostileText.answer(random));
        }
        tally.input("telegram", kind);
        api.push(update);
    }

    private static String brief(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
