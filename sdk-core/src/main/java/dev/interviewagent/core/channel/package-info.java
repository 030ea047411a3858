/**
 * The channel adapter SPI: what a channel implements to carry interviews ({@link
 * dev.interviewagent.core.channel.ChannelAdapter}), the messages it receives and the events it renders, and the
 * {@link dev.interviewagent.core.channel.ChannelBridge} that connects a channel to the engine.
 */
@NullMarked
package dev.interviewagent.core.channel;

import org.jspecify.annotations.NullMarked;
