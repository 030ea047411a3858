/**
 * The channel adapter SPI: what a channel implements to carry interviews ({@link
 * dev.interviewagent.core.channel.ChannelAdapter}), the messages it receives and the events it renders, and the
 * {@link dev.interviewagent.core.channel.ChannelBridge} that connects a channel to the engine; the
 * {@link dev.interviewagent.core.channel.ChannelControls} a channel declares, so that messages tell respondents how
 * to act with that channel's own commands or buttons ({@link dev.interviewagent.core.channel.ControlTexts}).
 */
@NullMarked
package dev.interviewagent.core.channel;

import org.jspecify.annotations.NullMarked;
