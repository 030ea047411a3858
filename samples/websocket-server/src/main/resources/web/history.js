// The conversation so far, after a reload or a reconnect: asks the server for it (`history`, docs/protocol.md) and
// puts every earlier question and answer into the log in turn order, each once. app.js calls onMessage() for every
// server message and tag() on each bubble it adds, so what is on screen is known by turn number or by the
// clientMessageId it was sent with; a turn the log already shows is never added again, however often the page
// reconnects.
'use strict';

window.InterviewHistory = (function () {
  const PAGE = 200;             // turns per request: the server's maximum (capabilities.history.maxLimit)
  let page = null;              // {send, bubble, log} from app.js
  let interviewId = null;       // the interview whose history is being read, or null
  let restoreTimer = null;

  function init(api) { page = api; }

  // Marks a bubble: meta.turn (its turn number), meta.clientId (the clientMessageId it was sent with), meta.closing.
  function tag(element, meta) {
    if (!element || !meta) { return element; }
    if (meta.turn != null) { element.dataset.turn = String(meta.turn); }
    if (meta.clientId) { element.dataset.clientId = meta.clientId; }
    if (meta.closing) { element.dataset.closing = 'true'; }
    return element;
  }

  function onMessage(msg) {
    if (!page) { return; }
    if (msg.type === 'session') {
      interviewId = null;
      // a new interview has nothing earlier; a server without the extension does not announce it
      if (msg.resumed && msg.capabilities && msg.capabilities.history) {
        interviewId = msg.interviewId;
        busy(true);
        request(null);
      }
    } else if (msg.type === 'question' && msg.replyTo) {
      // the reply to an answer comes right after it in the log: the answer's turn is one less
      const answered = byClientId(msg.replyTo);
      if (answered && !shown(msg.turn - 1)) { answered.dataset.turn = String(msg.turn - 1); }
    } else if (msg.type === 'history') {
      if (!interviewId || msg.interviewId !== interviewId) { return; }   // an answer for an interview left since
      merge(msg.entries || []);
      if (msg.more && msg.next) {
        request(msg.next);
      } else {
        interviewId = null;
        busy(false);
      }
    } else if (msg.type === 'error' && interviewId && msg.replyTo && msg.replyTo.indexOf('history-') === 0) {
      interviewId = null;   // the page stays as it is; the next reconnect asks again
      busy(false);
    }
  }

  function request(before) {
    const message = {type: 'history', clientMessageId: 'history-' + Date.now().toString(36), limit: PAGE};
    if (before) { message.before = before; }
    page.send(message);
  }

  // While the earlier turns go in, the log is busy: a screen reader does not read the whole conversation out again.
  function busy(on) {
    clearTimeout(restoreTimer);
    page.log.setAttribute('aria-busy', on ? 'true' : 'false');
    if (on) { restoreTimer = setTimeout(() => page.log.setAttribute('aria-busy', 'false'), 15000); }
  }

  // Pages come newest first; each entry goes before the first bubble that is later than it.
  function merge(entries) {
    const log = page.log;
    let added = false;
    entries.forEach((entry) => {
      if (entry.kind === 'command') { return; }               // "/complete": the closing message says it
      if (shown(entry.turn)) { return; }
      if (entry.role === 'respondent' && entry.clientMessageId) {
        const mine = byClientId(entry.clientMessageId);     // sent from this page, now known by its turn
        if (mine) { mine.dataset.turn = String(entry.turn); return; }
      }
      if (entry.kind === 'closing') {
        const closing = log.querySelector('.msg[data-closing]:not([data-turn])');
        if (closing) { closing.dataset.turn = String(entry.turn); return; }
      }
      const who = entry.role === 'interviewer' ? 'interviewer' : 'respondent';
      const element = tag(page.bubble(who, entry.text), {turn: entry.turn, clientId: entry.clientMessageId});
      element.classList.add('restored');
      log.insertBefore(element, placeFor(entry.turn));
      added = true;
    });
    if (added && log.lastElementChild) { log.lastElementChild.scrollIntoView({block: 'end'}); }
  }

  function shown(turn) {
    return page.log.querySelector('.msg[data-turn="' + Number(turn) + '"]') != null;
  }

  function byClientId(id) {
    const mine = page.log.querySelectorAll('.msg[data-client-id]');
    for (let i = 0; i < mine.length; i++) {
      if (mine[i].dataset.clientId === id && !mine[i].dataset.turn) { return mine[i]; }
    }
    return null;
  }

  // The first bubble that comes after `turn`: a later turn, or what this page added that the server has not
  // numbered yet (an answer on its way, a question still streaming, the closing message).
  function placeFor(turn) {
    const children = page.log.children;
    for (let i = 0; i < children.length; i++) {
      const el = children[i];
      if (el.dataset.turn) {
        if (Number(el.dataset.turn) > turn) { return el; }
      } else if (el.classList.contains('respondent') || el.classList.contains('streaming') || el.dataset.closing) {
        return el;
      }
    }
    return null;
  }

  return {init: init, tag: tag, onMessage: onMessage};
}());
