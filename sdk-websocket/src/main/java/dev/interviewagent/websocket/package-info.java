/**
 * WebSocket channel for the interview SDK, on the Jakarta WebSocket API only:
 * {@link dev.interviewagent.websocket.WebSocketInterviews} gives a host the endpoint configuration to register in
 * any Jakarta container, with the limits of {@link dev.interviewagent.websocket.WebSocketSettings}. The wire protocol
 * is {@code docs/protocol.md}.
 */
@NullMarked
package dev.interviewagent.websocket;

import org.jspecify.annotations.NullMarked;
