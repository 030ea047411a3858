/** Jackson configuration shared by the SDK modules; not API. */
package dev.interviewagent.core.internal.json;
