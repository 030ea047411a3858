/**
 * The WebSocket channel's internals: the Jakarta endpoint and its configurator, the protocol state of a connection,
 * tokens, rate limits and the origin check. Not an API: anything here may change in any release.
 */
@NullMarked
package dev.interviewagent.websocket.internal;

import org.jspecify.annotations.NullMarked;
