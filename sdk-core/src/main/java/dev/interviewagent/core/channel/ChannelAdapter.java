package dev.interviewagent.core.channel;

/**
 * What a channel implements to carry interviews: it declares what it can render and renders the events the
 * {@link ChannelBridge} sends it. Inbound messages go the other way: the channel turns what it receives into
 * {@link InboundMessage}s and hands them to {@link ChannelBridge#handle}.
 *
 * <p>Telegram ({@code sdk-telegram}), the WebSocket sample and the console sample implement it; hosts add their own
 * (Slack, WhatsApp, a call centre). Contract tests ship in the sdk-core test-jar as {@code ChannelAdapterContract}.
 * Implementations must be thread-safe for different conversations; the bridge never sends two events of the same
 * conversation at once.
 */
public interface ChannelAdapter {

    /** What this channel can render. */
    ChannelCapabilities capabilities();

    /**
     * Renders one event in a conversation. Must respect {@link ChannelCapabilities#maxMessageLength()} (split long
     * texts, e.g. with {@link MessageSplitter}). May block on I/O.
     *
     * @param conversation the channel's key of the conversation (a chat id, a connection id)
     * @throws RuntimeException if delivery failed; the bridge logs it (the interview state is already stored)
     */
    void send(String conversation, OutboundEvent event);
}
