// The conversation as Markdown, for "Download transcript" beside the report: from the report's own transcript (the
// server's turn log: complete and in order, also after a reload) or, from an older server, from the page's log.
'use strict';

(function () {
  const texts = window.IAText = window.IAText || {en: {}, ru: {}};
  Object.assign(texts.en, {downloadTranscript: 'Download transcript', transcriptTitle: 'Interview transcript',
    spoken: '(spoken)'});
  Object.assign(texts.ru, {downloadTranscript: 'Скачать стенограмму', transcriptTitle: 'Стенограмма интервью',
    spoken: '(голосом)'});

  // keeps the text as said: only what would start Markdown markup at a line's start is escaped
  function quote(text) {
    return String(text).split('\n').map((line) => line.replace(/^(\s*)([#>*+\-]|\d+[.)])/, '$1\\$2')).join('\n');
  }

  /**
   * report: the JSON report (its "transcript": [{role, text, modality, at}]) or null; shown: [{who, text}] from the
   * page's log. labels: {title, you, interviewer, spoken}.
   */
  function markdown(report, shown, labels) {
    const lines = ['# ' + labels.title, ''];
    if (report && report.interview_id) {
      lines.push('`' + report.interview_id + '`' + (report.started_at ? ' · ' + report.started_at : ''), '');
    }
    const entries = report && Array.isArray(report.transcript) && report.transcript.length
      ? report.transcript.filter((e) => e.kind !== 'command').map((e) => ({who: e.role === 'respondent' ? 'respondent' : 'interviewer', text: e.text,
        spoken: e.modality === 'voice'}))
      : shown.filter((e) => e.who !== 'notice');
    entries.forEach((e) => {
      const name = e.who === 'respondent' ? labels.you : labels.interviewer;
      lines.push('**' + name + (e.spoken ? ' ' + labels.spoken : '') + ':** ' + quote(e.text), '');
    });
    return lines.join('\n');
  }

  window.IATranscript = {markdown: markdown};
}());
