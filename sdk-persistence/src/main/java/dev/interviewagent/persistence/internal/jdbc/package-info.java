/** JDBC internals: SQL dialects and row mapping. Not a published API. */
@NullMarked
package dev.interviewagent.persistence.internal.jdbc;

import org.jspecify.annotations.NullMarked;
