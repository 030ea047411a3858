package dev.interviewagent.websocket.internal;

import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.spi.testkit.ChannelAdapterContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The sdk-core channel contract, run against the WebSocket channel: one entry per text frame sent. */
class WebSocketChannelContractTest extends ChannelAdapterContract {

    private final Map<String, List<String>> frames = new ConcurrentHashMap<>();

    @Override
    protected ChannelAdapter newAdapter() {
        WebSocketChannel channel = new WebSocketChannel(16 * 1024,
                InterviewHub.capabilities(true, dev.interviewagent.websocket.WebSocketSettings.defaults()),
                dev.interviewagent.websocket.WebSocketInterviews.PAGE_CONTROLS);
        return new ChannelAdapter() {
            @Override
            public ChannelCapabilities capabilities() {
                return channel.capabilities();
            }

            @Override
            public void send(String conversation, OutboundEvent event) {
                // every conversation of the kit counts as connected: its frames are collected
                channel.attach(conversation, frames.computeIfAbsent(conversation, c -> new ArrayList<>())::add);
                channel.send(conversation, event);
            }
        };
    }

    @Override
    protected List<String> rendered(String conversation) {
        return List.copyOf(frames.getOrDefault(conversation, List.of()));
    }
}
