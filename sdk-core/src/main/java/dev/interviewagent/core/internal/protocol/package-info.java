/** The wire protocol's JSON trees, for SDK channels; hosts use {@code ProtocolJson}. Not API. */
package dev.interviewagent.core.internal.protocol;
