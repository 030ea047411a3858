/**
 * Telegram channel for the interview SDK: {@link dev.interviewagent.telegram.TelegramChannel} connects a bot
 * (long polling or webhook) to an {@link dev.interviewagent.core.InterviewEngine}.
 */
@NullMarked
package dev.interviewagent.telegram;

import org.jspecify.annotations.NullMarked;
