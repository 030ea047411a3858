package dev.interviewagent.websocket.internal;

import static dev.interviewagent.websocket.internal.FrameFields.messageId;
import static dev.interviewagent.websocket.internal.FrameFields.required;
import static dev.interviewagent.websocket.internal.FrameFields.size;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.exception.ErrorCode;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings of one connection: {@code audio} announcements and the binary messages after them. Runs on the
 * container's message thread, apart from {@link #release()}. Only an announced recording of an attached interview
 * may hold memory, within its announced size and the shared audio budget; anything else is refused at once and its
 * bytes are dropped as they arrive. A whole recording is queued on the connection's lane like any frame.
 */
final class AudioReceiver {

    private static final Logger log = LoggerFactory.getLogger(AudioReceiver.class);

    /** An accepted {@code audio} announcement: the next binary message is this recording. */
    private record Announcement(String messageId, String format, long limit, boolean exactSize) {
    }

    private final InterviewConnection connection;
    private final InterviewHub hub;
    private final TurnExecutor.Lane lane;
    private boolean released;

    private @Nullable Announcement announced;
    private boolean announcementRefused;

    private boolean inBinary;
    private @Nullable Announcement receiving;
    private @Nullable AudioUpload upload;

    AudioReceiver(InterviewConnection connection, InterviewHub hub, TurnExecutor.Lane lane) {
        this.connection = connection;
        this.hub = hub;
        this.lane = lane;
    }

    /**
     * An {@code audio} announcement, taken on arrival (on the container's thread) because it decides whether the
     * next binary message may hold memory: only for an attached interview, with voice on, a known format and a size,
     * if given, within the limit. A refused announcement is answered here, and its recording is dropped quietly.
     */
    void announce(JsonNode node) {
        clearAnnouncement();
        announcementRefused = true;
        String messageId = messageId(node);
        String format = required(node, "format", 16).toLowerCase(Locale.ROOT);
        long size = size(node);
        long limit = hub.settings().maxAudioBytes();
        if (!connection.isAttached()) {
            connection.error(ErrorCode.UNAUTHORIZED, "error.no_interview", messageId);
        } else if (!hub.voiceInput()) {
            connection.error(ErrorCode.UNSUPPORTED_AUDIO, "error.voice_off", messageId);
        } else if (!InterviewHub.AUDIO_FORMATS.contains(format)) {
            connection.error(ErrorCode.UNSUPPORTED_AUDIO, "error.unsupported_audio", messageId);
        } else if (size > limit) {
            connection.error(ErrorCode.TOO_LARGE, "error.too_large", messageId);
        } else {
            announced = new Announcement(messageId, format, size > 0 ? size : limit, size > 0);
            announcementRefused = false;
        }
    }

    /** Forgets the announcement (another frame came between it and its recording). */
    void clearAnnouncement() {
        announced = null;
        announcementRefused = false;
    }

    /**
     * One part of a binary message; on the container's message thread. The first part decides whether it is the
     * announced recording. A recording is kept within its announced size and the shared audio budget.
     */
    synchronized void onBinaryPart(ByteBuffer part, boolean last) {
        if (released) {   // given up on (it did not read): nothing more is kept
            return;
        }
        if (!inBinary) {
            inBinary = true;
            beginBinary();
        }
        AudioUpload current = upload;
        Announcement recording = receiving;
        if (current != null && recording != null) {
            switch (current.append(part)) {
                case TOO_LARGE -> {
                    upload = null;
                    connection.error(ErrorCode.TOO_LARGE, "error.too_large", recording.messageId());
                }
                case NO_MEMORY -> {
                    upload = null;
                    log.debug("{} recording refused: the audio budget is spent", connection.conversation());
                    connection.error(ErrorCode.BUSY, "error.server_busy", recording.messageId());
                }
                case KEPT -> { }
            }
        }
        if (last) {
            inBinary = false;
            receiving = null;
            AudioUpload done = upload;
            upload = null;
            if (done != null && recording != null) {
                finishRecording(recording, done);
            }
        }
    }

    /** The connection closed: drops the recording being received and keeps nothing more. */
    synchronized void release() {
        released = true;
        AudioUpload partial = upload;
        upload = null;
        if (partial != null) {
            partial.discard();
        }
    }

    private void beginBinary() {
        Announcement announcement = announced;
        boolean refused = announcementRefused;
        clearAnnouncement();
        if (!connection.admit()) {
            return;
        }
        if (announcement == null) {
            if (!refused) {   // a refused announcement was answered already
                connection.error(ErrorCode.BAD_REQUEST, "error.unannounced_audio", null);
            }
            return;
        }
        if (!connection.isAttached()) {
            connection.error(ErrorCode.UNAUTHORIZED, "error.no_interview", announcement.messageId());
            return;
        }
        receiving = announcement;
        upload = new AudioUpload(hub.audioBudget(), announcement.limit(), announcement.exactSize());
    }

    private void finishRecording(Announcement recording, AudioUpload done) {
        if (!done.complete()) {
            done.discard();
            connection.error(ErrorCode.BAD_REQUEST, "error.audio_size", recording.messageId(), recording.limit(),
                    done.size());
            return;
        }
        AudioUpload.Recording whole = done.finish();
        long queuedAt = System.nanoTime();
        String conversation = connection.conversation();
        boolean queued = lane.submit(() -> {
            try {
                InterviewId id = connection.attached(recording.messageId());
                if (id != null) {
                    hub.bridge().handle(conversation, id, new InboundMessage.Audio(MessageId.of(recording.messageId()),
                            recording.format(), whole.bytes()), Duration.ofNanos(System.nanoTime() - queuedAt));
                }
            } finally {
                whole.release();
            }
        }, whole::release);
        if (!queued) {
            whole.release();
            connection.error(ErrorCode.BUSY, "error.server_busy", recording.messageId());
        }
    }
}
