/**
 * The knowledge report: {@link dev.interviewagent.core.report.KnowledgeReport} and its JSON and Markdown
 * renderings by {@link dev.interviewagent.core.report.ReportRenderer}.
 */
@NullMarked
package dev.interviewagent.core.report;

import org.jspecify.annotations.NullMarked;
