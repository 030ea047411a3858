package dev.interviewagent.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.spi.testkit.ChannelAdapterContract;
import dev.interviewagent.telegram.fake.FakeBotApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The Telegram adapter passes sdk-core's channel contract, rendering through the real client into a fake Bot API. */
class TelegramAdapterContractTest extends ChannelAdapterContract {

    private final List<TestBed> beds = new ArrayList<>();

    @Override
    protected ChannelAdapter newAdapter() {
        TestBed bed = new TestBed(InterviewEngine.builder().build());
        beds.add(bed);
        return bed.channel.adapter();
    }

    @Override
    protected List<String> rendered(String conversation) {
        // what a person sees: sent messages, with the streamed preview's final edits counted as the same message;
        // the adapter queues its calls, so wait until they are delivered
        TestBed bed = beds.get(beds.size() - 1);
        bed.idle();
        return bed.api.calls("sendMessage", conversation).stream()
                .map(FakeBotApi.Call::text).toList();
    }

    @AfterEach
    void closeBeds() {
        beds.forEach(TestBed::close);
    }
}
