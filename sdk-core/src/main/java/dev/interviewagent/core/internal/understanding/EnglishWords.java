package dev.interviewagent.core.internal.understanding;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The English word lists. Entries are patterns in {@link PhraseSet} syntax, matched on Snowball stems. */
final class EnglishWords {

    private EnglishWords() {}

    static Map<Cue, List<String>> lists() {
        Map<Cue, List<String>> m = new EnumMap<>(Cue.class);
        m.put(Cue.MONTH, List.of("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"));
        m.put(Cue.SEASON, List.of("winter", "spring", "summer", "autumn", "=fall", "harvest", "season",
                "heat wave", "lockdown", "shutdown"));
        m.put(Cue.WEEKDAY, List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "weekend"));
        m.put(Cue.DAY_PART, List.of("night", "morning", "evening", "afternoon", "midnight", "dawn", "watch",
                "shift"));
        m.put(Cue.HOLIDAY, List.of("christmas", "christmases", "new year's day|eve", "new year's", "new year", "easter",
                "fourth of july", "premiere"));
        m.put(Cue.TIME_UNIT, List.of("year|years", "month|months", "week|weeks", "day|days", "night|nights",
                "winter|winters", "summer|summers", "spring|springs", "autumn|autumns", "season|seasons",
                "christmas|christmases", "decade|decades", "shift|shifts"));
        m.put(Cue.AGO, List.of("ago", "back"));
        m.put(Cue.POINTER, List.of("last", "that", "previous", "one", "this past", "the following"));
        m.put(Cue.ANCHOR_PHRASE, List.of("yesterday", "the other day", "the day before", "the day after",
                "the next morning", "the next day", "early on", "early in my career", "in my first year",
                "on my first day", "my very first day", "my first day", "one time", "back in", "in the early hours",
                "the night of", "in the summer|winter|spring|autumn of", "during the|a", "at the premiere",
                "the night shift", "one night|morning|evening|afternoon|day|summer|winter|spring|autumn|watch|shift"));
        m.put(Cue.CAREER_PERIOD, List.of(
                "in my second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth year|month|week|season"));
        m.put(Cue.ONCE, List.of("once"));
        m.put(Cue.CLOCK, List.of("a.m.", "p.m.", "=am", "=pm", "o'clock", "half past", "quarter past",
                "quarter to", "# in the morning|afternoon|evening", "midnight"));
                // adverbs by exact form: "normally" and the adjective "normal" share a stem
        m.put(Cue.HABIT, List.of("every", "=always", "=usually", "=normally", "=typically", "=generally", "=often",
                "whenever", "each", "used to", "tend to", "most nights|days|mornings", "as a rule", "routine",
                "at the weekends", "at weekends", "on weekends"));
        m.put(Cue.HYPOTHETICAL, List.of("would", "=i'd", "=we'd", "=you'd", "=they'd", "=it'd",
                "suppose", "imagine", "hypothetical", "hypothetically", "say you"));
        m.put(Cue.PARTICIPANT, List.of("he", "she", "him", "boss", "manager", "customer", "client", "guest",
                "buyer", "driver", "colleague", "crew", "team", "nurse", "doctor", "patient", "caller", "man",
                "woman", "girl", "boy", "mum", "mother", "father", "wife", "husband", "brother", "farmer", "owner",
                "supplier", "inspector", "apprentice", "trainee", "cadet", "rigger|riggers", "operator", "engineer",
                "geologist", "violinist", "harpist", "oboe", "strings", "technician", "trucker", "lady",
                "neighbour", "riggers", "audience", "shift boss", "head baker", "label", "office", "lorry"));
        m.put(Cue.OUTCOME, List.of("turned out", "in the end", "ended up", "by the time", "finally", "had to",
                "lost", "saved", "survived", "pulled through", "made it", "cancelled", "won", "never noticed",
                "by friday|evening|morning", "within the hour", "in time", "nobody was hurt", "cried",
                "thrown out", "threw out", "found", "gone", "died", "starved"));
        m.put(Cue.NUMBER_WORD, List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
                "hundred", "hundreds", "thousand", "thousands", "dozen", "half", "quarter", "third", "twice"));
        m.put(Cue.SEQUENCE_OPENER, List.of("first", "firstly", "first thing", "the first thing", "the first step",
                "my first job", "my first step", "first of all", "start by",
                "to start", "step one", "the order", "in that order", "goes like this", "here's how",
                "here's the order", "begin with", "before the first"));
        m.put(Cue.SEQUENCE_NEXT, List.of("then", "next", "after that", "afterwards", "once that's done",
                "second", "secondly", "third", "thirdly", "finally", "last", "lastly", "only then", "step two",
                "step three", "at the end", "and then", "once you get"));
        m.put(Cue.MISTAKE, List.of("mistake", "mistakes", "error", "blunder", "wrong", "forgot", "forget",
                "missed", "ignored", "skipped", "rushed", "rush", "overloaded", "overcharged", "misread", "misjudged",
                "nobody checked", "without checking", "without ventilation", "not enough", "should have",
                "should've", "far too", "too fast|early|late|soon|much|little|hard", "awful", "messed up", "blamed",
                "typo", "override", "by mistake", "careless"));
        m.put(Cue.CONSEQUENCE, List.of("cost", "lost", "had to", "threw out", "thrown out", "binned", "cut it out",
                "cut out", "redo", "redid", "penalty", "fine", "suspended", "complained", "furious", "end up",
                "ended up", "cracked", "collapsed", "melted", "starved", "went flat", "fell apart", "drops",
                "pay twice", "halve", "ruined", "spoiled", "wrecked", "gone", "dead", "went bitter", "went pale",
                "came out flat", "never came back", "refunded", "apology", "wake up", "deteriorates", "=arrested",
                "burn through", "overheated", "down for", "nobody put two and two together", "by then", "was down for"));
        m.put(Cue.LESSON, List.of("sign", "warning", "red flag", "lesson", "learned", "taught me", "since then",
                "now i", "now we", "now every", "now the", "from then on", "never again", "should have",
                "should've", "the fix", "so don't", "i never", "see it coming", "only find out", "caught it",
                "after that i", "after that every", "my rule"));
        m.put(Cue.RULE_WORD, List.of("rule", "rules", "principle", "rule of thumb", "the key", "is the key",
                "the trick", "the point", "whole point", "what matters", "matters most", "most important",
                "the reason", "in general", "general idea", "generally speaking", "the secret", "the lesson",
                "is everything", "beats everything", "comes first", "golden rule", "main thing",
                "the whole point", "is simple", "red flag"));
        m.put(Cue.REASON, List.of("because", "that's why", "this is why", "which is why", "otherwise", "since",
                "so you", "so if", "so the", "so a", "so we", "so they", "so don't", "that is why"));
        m.put(Cue.NORM, List.of("never", "always", "don't", "do not", "must", "should", "you have to",
                "you need to", "whatever happens", "no matter what"));
        m.put(Cue.TACIT, List.of("just know", "just kind of know", "you know when", "know it when you see it",
                "just see it", "just sense it", "just sense", "can tell", "hard to explain",
                "hard to put into words", "put it into words", "put into words", "can't explain", "cannot explain",
                "can't ~ explain", "can't tell you how", "can't explain it", "it's a feeling", "a feeling",
                "feeling", "gut", "gut feeling", "instinct", "intuition", "sixth sense", "a nose for",
                "nose thing", "by eye", "by feel", "comes with experience", "you feel it", "you feel the",
                "you feel", "you sense", "feel for", "no rule for it", "hands know", "just recognise",
                "something you develop", "it's by eye|feel",
                "you get a nose"));
        m.put(Cue.DONE, List.of("nothing more to add", "nothing to add", "nothing else to add", "nothing more",
                "=that's all", "=that's about it", "=that's =it", "=that's everything", "=that's really all",
                "=that's pretty much everything", "pretty much everything i know", "that covers it",
                "that covers everything", "covered it", "covered it all", "said everything", "said all i know",
                "all i know", "nothing else comes to mind", "nothing more comes to mind",
                "running out of things to say", "my head is empty", "nothing else, sorry", "i'm done", "all i've got", "all i have",
                "=that's all from me", "=that's about everything", "everything i know", "everything i can think of",
                "=that's all there is", "that covers"));
        m.put(Cue.TIRED, List.of("tired", "exhausted", "worn out", "knackered", "shattered", "drained",
                "getting tired"));
        m.put(Cue.STOP_REQUEST, List.of("wrap up", "take a break", "finish soon", "stop here", "another day",
                "finish this", "done for today"));
        m.put(Cue.META, List.of("as i said", "like i said", "as i say", "as i mentioned", "like i mentioned",
                "as i told you", "like i told you", "i told you", "i just told you", "i already told you",
                "i've told you", "as i explained", "like i ~ explained", "i already explained", "i already answered",
                "i ~ answered that", "answered that already", "answer that already", "didn't i answer",
                "you already asked", "you asked ~ already", "you asked me that", "asked me that",
                "i mentioned ~ earlier", "i mentioned this", "mentioned earlier", "what i said earlier",
                "what i said before", "what i was saying", "i was saying before", "we covered this",
                "we covered that", "covered this already", "we've been over this", "repeat the question",
                "rephrase", "understand the question", "your question", "what you're asking", "do you mean",
                "said before", "i said earlier", "i told you about", "as i said before|earlier",
                "i answered that a minute ago", "i think i answered", "already answered that",
                "i already answered that question", "going back to what i said", "you asked me that at the start"));
        m.put(Cue.GREETING, List.of("hello", "hi", "good morning", "good afternoon", "good evening",
                "nice to meet you", "good to meet you", "thanks for having me", "thank you", "thanks",
                "happy to help", "glad to be here", "happy to be here", "thanks for inviting me",
                "looking forward", "good question"));
        m.put(Cue.PERCEPTION, List.of("noticed", "notice", "saw", "heard", "smelled", "smelt", "smell",
                "smelling", "sound", "sounded", "sounds", "noise", "colour", "color", "taste", "tasted",
                "texture", "vibration", "hum", "looked", "felt", "feel", "glow", "hiss", "groaning", "scraping",
                "pitch", "tone", "slurring", "cloudy", "heavier", "lighter"));
        m.put(Cue.ROLE_HEAD, List.of("cheesemaker", "surveyor", "adviser", "advisor", "conductor", "dispatcher",
                "operator", "paramedic", "agronomist", "baker", "engineer", "restorer", "sommelier", "geologist",
                "beekeeper", "welder", "inspector", "supervisor", "technician", "technologist", "foreman",
                "manager", "director", "chef", "mechanic", "driver", "nurse", "doctor", "consultant", "accountant",
                "analyst", "teacher", "pilot", "captain", "miner", "electrician", "specialist", "affineur",
                "controller", "signaller", "farmer", "owner", "founder", "partner", "brewer", "winemaker",
                "carpenter", "joiner", "officer", "coordinator", "assistant", "chemist", "oboe", "oboist",
                "violinist", "cellist"));
        m.put(Cue.ROLE_RANK, List.of("head", "chief", "senior", "junior", "lead", "principal", "second",
                "third", "assistant", "deputy", "night", "shift", "master", "first"));
        m.put(Cue.ORG_NOUN, List.of("practice", "workshop", "company", "firm", "dairy", "bakery", "restaurant",
                "orchestra", "cooperative", "co-op", "apiaries", "apiary", "farm", "farms", "mine", "creamery",
                "hotel", "service", "center", "centre", "office", "line", "works", "group", "construction"));
        m.put(Cue.YEAR_UNIT, List.of("years", "year", "yrs"));
        m.put(Cue.SELF, List.of("i", "i'm", "i've", "my", "me", "been", "work", "working", "run", "keep"));
        m.put(Cue.FILLER, List.of("and", "but", "so", "then", "well", "um", "uh", "anyway", "also", "just",
                "so um", "oh", "like", "honestly", "look", "right"));
        return m;
    }
}
