/** The Telegram channel: long polling or webhooks, one chat one interview. */
module dev.interviewagent.telegram {
    requires transitive dev.interviewagent.core;
    requires telegrambots.client;
    requires telegrambots.longpolling;
    requires telegrambots.meta;
    requires okhttp3;
    requires org.slf4j;
    requires static transitive org.jspecify;

    exports dev.interviewagent.telegram;

    opens dev.interviewagent.telegram.internal to com.fasterxml.jackson.databind;
}
