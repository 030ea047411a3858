// Reads each question aloud when the respondent wants it: in the server's voice (`speak` → `speech`,
// docs/protocol.md) when the server has text-to-speech, otherwise with the browser's own speech synthesis. A toggle
// button (aria-pressed) above the conversation; the choice is remembered in this browser. A question is read once:
// not again after a reload (sessionStorage), nor when the server re-sends the pending one after a reconnect. If the
// server's audio does not come within a few seconds, cannot be played or fails, the browser reads the text instead;
// nothing here ever holds up the interview.
'use strict';

window.SpokenQuestions = (function () {
  const ENABLED = 'ia.speakQuestions';     // localStorage: "true" | "false"
  const SPOKEN = 'ia.spokenTurn';          // sessionStorage: {interviewId, turn} of the last question read
  const WAIT_MS = 8000;                    // then the browser reads it instead
  const TEXT = {
    en: {label: 'Read questions aloud', hint: 'Questions are read aloud when this is on.'},
    ru: {label: 'Читать вопросы вслух', hint: 'Когда включено, вопросы читаются вслух.'}
  };

  let api = null;              // {send} from app.js
  let button = null;
  let audio = null;
  let serverVoice = false;     // session.capabilities.spokenQuestions
  let interviewId = null;
  let current = null;          // {turn, text} of the question on screen
  let spokenTurn = 0;
  let waiting = null;          // {turn, text, timer}: a speak request on its way
  let audioUrl = null;
  let deferred = null;         // a play() the browser refused before any user gesture

  function enabled() {
    try { return localStorage.getItem(ENABLED) === 'true'; } catch (e) { return false; }
  }

  function browserVoice() { return 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window; }

  function lang() { return document.documentElement.lang === 'ru' ? 'ru' : 'en'; }

  function init(pageApi) {
    api = pageApi;
    const log = document.getElementById('log');
    const controls = document.createElement('div');
    controls.className = 'speech-controls';
    button = document.createElement('button');
    button.type = 'button';
    button.id = 'speak-toggle';
    button.className = 'speak-toggle';
    button.setAttribute('aria-pressed', enabled() ? 'true' : 'false');
    button.addEventListener('click', toggle);
    audio = document.createElement('audio');
    audio.id = 'question-audio';
    audio.preload = 'auto';
    audio.hidden = true;
    audio.addEventListener('error', () => { if (audio.dataset.turn) { fallback(Number(audio.dataset.turn)); } });
    controls.appendChild(button);
    controls.appendChild(audio);
    log.parentNode.insertBefore(controls, log);
    label();
    // the page's language changes with the interview's (app.js sets <html lang>)
    new MutationObserver(label).observe(document.documentElement, {attributes: true, attributeFilter: ['lang']});
    button.hidden = !browserVoice();
  }

  function label() {
    if (!button) { return; }
    button.textContent = TEXT[lang()].label;
    button.title = TEXT[lang()].hint;
  }

  function toggle() {
    const on = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', on ? 'true' : 'false');
    try { localStorage.setItem(ENABLED, on ? 'true' : 'false'); } catch (e) { /* private mode: this page only */ }
    if (!on) { stop(); return; }
    if (current) { speak(current.turn, current.text); }   // switched on: the question on screen, now
  }

  function onMessage(msg) {
    if (!button) { return; }
    switch (msg.type) {
      case 'session':
        interviewId = msg.interviewId;
        serverVoice = !!(msg.capabilities && msg.capabilities.spokenQuestions);
        button.hidden = !serverVoice && !browserVoice();
        spokenTurn = 0;
        try {
          const last = JSON.parse(sessionStorage.getItem(SPOKEN));
          if (last && last.interviewId === interviewId) { spokenTurn = last.turn; }
        } catch (e) { /* nothing read yet */ }
        break;
      case 'question':
        current = {turn: msg.turn, text: msg.text};
        if (enabled() && msg.turn > spokenTurn) { speak(msg.turn, msg.text); }
        break;
      case 'speech':
        onSpeech(msg);
        break;
      case 'completed':
        current = null;
        break;
      default:
        break;
    }
  }

  function speak(turn, text) {
    stop();
    spokenTurn = Math.max(spokenTurn, turn);
    try { sessionStorage.setItem(SPOKEN, JSON.stringify({interviewId: interviewId, turn: spokenTurn})); } catch (e) { }
    if (serverVoice && api.send({type: 'speak', turn: turn, clientMessageId: 'speak-' + turn + '-' + Date.now()})) {
      waiting = {turn: turn, text: text, timer: setTimeout(() => fallback(turn), WAIT_MS)};
      return;
    }
    byBrowser(turn, text);
  }

  function onSpeech(msg) {
    if (!waiting || msg.turn !== waiting.turn || msg.interviewId !== interviewId) { return; }   // stale
    clearTimeout(waiting.timer);
    const mime = msg.mimeType || '';
    if (!msg.audio || !audio.canPlayType(mime.split(';')[0])) { fallback(msg.turn); return; }
    const text = waiting.text;
    waiting = null;
    const binary = atob(msg.audio);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    if (audioUrl) { URL.revokeObjectURL(audioUrl); }
    audioUrl = URL.createObjectURL(new Blob([bytes], {type: mime}));
    audio.dataset.turn = String(msg.turn);
    audio.dataset.text = text;
    audio.src = audioUrl;
    mark('server', msg.turn);
    play();
  }

  function play() {
    const started = audio.play();
    if (started && started.catch) {
      started.catch((e) => {
        if (e && e.name === 'NotAllowedError') {   // no gesture on this page yet (a reload): at the next one
          deferred = () => { deferred = null; audio.play().catch(() => {}); };
          ['pointerdown', 'keydown'].forEach((type) => document.addEventListener(type, () => deferred && deferred(),
            {once: true, capture: true}));
        } else if (audio.dataset.turn) {
          fallback(Number(audio.dataset.turn));
        }
      });
    }
  }

  // the server's voice did not work out for this turn: the browser reads the same text
  function fallback(turn) {
    const text = waiting && waiting.turn === turn ? waiting.text
      : (audio.dataset.turn === String(turn) ? audio.dataset.text : null);
    if (waiting) { clearTimeout(waiting.timer); waiting = null; }
    delete audio.dataset.turn;
    if (text && enabled()) { byBrowser(turn, text); }
  }

  function byBrowser(turn, text) {
    if (!browserVoice()) { return; }
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang() === 'ru' ? 'ru-RU' : 'en-US';
    const voice = speechSynthesis.getVoices().find((v) => v.lang && v.lang.toLowerCase().indexOf(lang()) === 0);
    if (voice) { utterance.voice = voice; }
    speechSynthesis.cancel();
    speechSynthesis.speak(utterance);
    mark('browser', turn);
  }

  // what read the last question, for the curious (and the page's tests)
  function mark(by, turn) {
    button.dataset.spokenBy = by;
    button.dataset.spokenTurn = String(turn);
  }

  function stop() {
    if (waiting) { clearTimeout(waiting.timer); waiting = null; }
    deferred = null;
    if (audio) { audio.pause(); }
    if (browserVoice()) { speechSynthesis.cancel(); }
  }

  // the "Repeat question" button (app.js): the question on screen read again, if questions are read aloud at all
  function repeat() {
    if (button && enabled() && current) { speak(current.turn, current.text); }
  }

  return {init: init, onMessage: onMessage, repeat: repeat};
}());
