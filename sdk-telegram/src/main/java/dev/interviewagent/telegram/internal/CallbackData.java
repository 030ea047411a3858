package dev.interviewagent.telegram.internal;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.Choice;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The data behind an inline button, as a type. The bot writes it with {@link #encode()} and reads what Telegram sends
 * back with {@link #decode}: the data comes from the client, so anyone can send any string, and decoding checks it
 * against the buttons the bot makes. A string that is not one of them becomes a {@link Refused} with the reason,
 * never an exception, so a forged button reaches no handler.
 *
 * <p>Wire forms ({@code kind:value}, at most {@value #MAX_BYTES} bytes, Telegram's limit): {@code lang:<code>},
 * {@code style:<code>}, {@code style:about}, {@code profile:fill|next|skip}, {@code start:resume|new},
 * {@code complete|reset|delete:yes|no}, {@code transcript:confirm|retry|type} (core's {@link Choice} actions).
 */
public sealed interface CallbackData {

    /** Telegram's longest callback data, in UTF-8 bytes. */
    int MAX_BYTES = 64;

    /** The data to put on a button; {@link #decode} reads it back as an equal value. */
    String encode();

    /** Choose the interview language. */
    record PickLanguage(Language language) implements CallbackData {
        public PickLanguage {
            Objects.requireNonNull(language, "language");
        }

        @Override
        public String encode() {
            return "lang:" + language.code();
        }
    }

    /** Choose an interview style by its code (whether the catalog has it is for the wizard to check). */
    record PickStyle(String code) implements CallbackData {
        /** A style code as core's {@code InterviewStyle} allows them; {@code about} is taken by {@link AboutStyles}. */
        static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

        public PickStyle {
            if (!CODE.matcher(Objects.requireNonNull(code, "code")).matches() || AboutStyles.VALUE.equals(code)) {
                throw new IllegalArgumentException("not a style code");
            }
        }

        @Override
        public String encode() {
            return "style:" + code;
        }
    }

    /** Show what the styles are. */
    record AboutStyles() implements CallbackData {
        static final String VALUE = "about";

        @Override
        public String encode() {
            return "style:" + VALUE;
        }
    }

    /** A step of the optional profile: fill it in, skip one field, or skip the rest and start. */
    record ProfileStep(Step step) implements CallbackData {
        public enum Step { FILL, NEXT, SKIP }

        public ProfileStep {
            Objects.requireNonNull(step, "step");
        }

        @Override
        public String encode() {
            return "profile:" + step.name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code /start} while an interview runs: resume it, or archive it and set up a new one. */
    record StartChoice(boolean fresh) implements CallbackData {
        @Override
        public String encode() {
            return fresh ? "start:new" : "start:resume";
        }
    }

    /** The answer to a yes/no question the bot asked before acting. */
    record Confirmation(Subject subject, boolean yes) implements CallbackData {
        /** What is being confirmed; its wire name is the command's. */
        public enum Subject { COMPLETE, RESET, DELETE }

        public Confirmation {
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public String encode() {
            return subject.name().toLowerCase(Locale.ROOT) + ":" + (yes ? "yes" : "no");
        }
    }

    /** A choice about a transcript awaiting confirmation, passed to the bridge as it is ({@link Choice} actions). */
    record TranscriptChoice(String action) implements CallbackData {
        public TranscriptChoice {
            if (!(Choice.CONFIRM_TRANSCRIPT.equals(action) || Choice.RETRY_TRANSCRIPT.equals(action)
                    || Choice.TYPE_INSTEAD.equals(action))) {
                throw new IllegalArgumentException("not a transcript choice");
            }
        }

        @Override
        public String encode() {
            return action;
        }
    }

    /** Data that is none of the bot's buttons: forged, malformed, or from a version that no longer has it. */
    record Refused(Reason reason) implements CallbackData {
        /** Why the data was refused. */
        public enum Reason {
            /** No data at all (a game button, or a forged query without it). */
            MISSING,
            /** More than {@value CallbackData#MAX_BYTES} bytes: Telegram never sends such data. */
            TOO_LONG,
            /** Control characters, or no {@code kind:value} shape. */
            MALFORMED,
            /** A kind the bot does not make buttons of. */
            UNKNOWN_KIND,
            /** A known kind with a value its buttons never carry. */
            BAD_VALUE
        }

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        /** Refused data has no wire form: it is never put on a button. */
        @Override
        public String encode() {
            throw new UnsupportedOperationException("refused callback data is not encoded");
        }
    }

    /** Reads the data of a callback query. Never throws: what is not a button of the bot is a {@link Refused}. */
    static CallbackData decode(@Nullable String data) {
        if (data == null || data.isEmpty()) {
            return new Refused(Refused.Reason.MISSING);
        }
        if (data.length() > MAX_BYTES || data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return new Refused(Refused.Reason.TOO_LONG);
        }
        int colon = data.indexOf(':');
        if (colon <= 0 || colon == data.length() - 1 || data.chars().anyMatch(Character::isISOControl)
                || data.chars().anyMatch(Character::isWhitespace)) {
            return new Refused(Refused.Reason.MALFORMED);
        }
        String kind = data.substring(0, colon);
        String value = data.substring(colon + 1);
        Optional<CallbackData> decoded = switch (kind) {
            case "lang" -> Language.fromCode(value).filter(l -> l.code().equals(value)).map(PickLanguage::new);
            case "style" -> style(value);
            case "profile" -> step(value).map(ProfileStep::new);
            case "start" -> "new".equals(value) ? Optional.of(new StartChoice(true))
                    : "resume".equals(value) ? Optional.of(new StartChoice(false)) : Optional.empty();
            case "complete" -> confirmation(Confirmation.Subject.COMPLETE, value);
            case "reset" -> confirmation(Confirmation.Subject.RESET, value);
            case "delete" -> confirmation(Confirmation.Subject.DELETE, value);
            case "transcript" -> Choice.CONFIRM_TRANSCRIPT.equals(data) || Choice.RETRY_TRANSCRIPT.equals(data)
                    || Choice.TYPE_INSTEAD.equals(data) ? Optional.of(new TranscriptChoice(data)) : Optional.empty();
            default -> null;
        };
        if (decoded == null) {
            return new Refused(Refused.Reason.UNKNOWN_KIND);
        }
        return decoded.orElseGet(() -> new Refused(Refused.Reason.BAD_VALUE));
    }

    private static Optional<CallbackData> style(String value) {
        if (AboutStyles.VALUE.equals(value)) {
            return Optional.of(new AboutStyles());
        }
        return PickStyle.CODE.matcher(value).matches() ? Optional.of(new PickStyle(value)) : Optional.empty();
    }

    private static Optional<ProfileStep.Step> step(String value) {
        for (ProfileStep.Step step : ProfileStep.Step.values()) {
            if (step.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private static Optional<CallbackData> confirmation(Confirmation.Subject subject, String value) {
        return switch (value) {
            case "yes" -> Optional.of(new Confirmation(subject, true));
            case "no" -> Optional.of(new Confirmation(subject, false));
            default -> Optional.empty();
        };
    }
}
