// The interview page: speaks docs/protocol.md over ws(s)://<this host>/ws/interview. No libraries, no CDN.
'use strict';

(function () {
  const STAGES = ['greeting', 'profiling', 'essence', 'operations', 'expertise_map', 'failure_modes', 'mastery',
    'growth_path', 'wrap_up'];
  const TEXT = {
    en: {
      title: 'Expert interview', startHeading: 'Start an interview', language: 'Language', style: 'Style',
      style_master: 'Thorough (master)', style_conversational: 'Conversational', style_telegram: 'Short messages',
      style_stage_specific: 'Stage by stage', style_conversation_management: 'Guided',
      profile: 'About you (optional)', expert_name: 'Name', role_title: 'Role', company: 'Company',
      industry: 'Industry', years_experience: 'Years of experience', interview_goal: 'Goal of the interview',
      start: 'Start', chatHeading: 'Interview', progress: 'Progress', completeness: 'Stage completeness',
      depth: 'Depth', yourAnswer: 'Your answer', answerHint: 'Ctrl+Enter sends.', send: 'Send',
      record: 'Record voice', stop: 'Stop and send', end: 'End interview', repeat: 'Repeat question',
      report: 'Report',
      downloadJson: 'Download JSON', downloadMd: 'Download Markdown', newInterview: 'New interview',
      online: 'connected', offline: 'offline', connecting: 'reconnecting…', you: 'You', interviewer: 'Interviewer',
      heard: 'Heard', confirmEnd: 'End the interview now? The report will cover what was said so far.',
      noMic: 'Voice recording is not available in this browser.', stageNow: 'Stage {0} of 9: {1}',
      stages: ['Greeting', 'Background', 'Essence of the role', 'Operations', 'Expertise map', 'Failure modes',
        'Mastery', 'Growth path', 'Wrap-up'],
      sections: 'Sections'
    },
    ru: {
      title: 'Экспертное интервью', startHeading: 'Начать интервью', language: 'Язык', style: 'Стиль',
      style_master: 'Подробный (мастер)', style_conversational: 'Беседа', style_telegram: 'Короткие сообщения',
      style_stage_specific: 'По этапам', style_conversation_management: 'С ведущим',
      profile: 'О вас (необязательно)', expert_name: 'Имя', role_title: 'Должность', company: 'Компания',
      industry: 'Отрасль', years_experience: 'Опыт, лет', interview_goal: 'Цель интервью',
      start: 'Начать', chatHeading: 'Интервью', progress: 'Ход интервью', completeness: 'Полнота этапа',
      depth: 'Глубина', yourAnswer: 'Ваш ответ', answerHint: 'Ctrl+Enter — отправить.', send: 'Отправить',
      record: 'Записать голос', stop: 'Остановить и отправить', end: 'Завершить интервью',
      repeat: 'Повторить вопрос', report: 'Отчёт',
      downloadJson: 'Скачать JSON', downloadMd: 'Скачать Markdown', newInterview: 'Новое интервью',
      online: 'на связи', offline: 'нет связи', connecting: 'переподключение…', you: 'Вы', interviewer: 'Интервьюер',
      heard: 'Распознано', confirmEnd: 'Завершить интервью сейчас? В отчёт войдёт всё сказанное.',
      noMic: 'Запись голоса недоступна в этом браузере.', stageNow: 'Этап {0} из 9: {1}',
      stages: ['Знакомство', 'Профиль', 'Суть роли', 'Рабочие процессы', 'Карта экспертизы', 'Типичные ошибки',
        'Мастерство', 'Путь развития', 'Итоги'],
      sections: 'Разделы'
    }
  };
  // texts of the page's other scripts (privacy.js, recorder.js, transcript.js) and of the server's stage list
  const STAGE_TEXT = {en: {stageOf: 'Stage {0} of {1}: {2}'}, ru: {stageOf: 'Этап {0} из {1}: {2}'}};
  [window.IAText || {}, STAGE_TEXT].forEach((extra) => Object.keys(extra).forEach((code) => {
    if (TEXT[code]) { Object.assign(TEXT[code], extra[code]); }
  }));
  const SAVED = 'ia.interview';     // {interviewId, token, language}
  const PENDING_START = 'ia.pendingStart';
  const CLIENT_KEY = 'ia.clientKey';

  const $ = (id) => document.getElementById(id);
  let lang = 'en';
  let ws = null;
  let backoff = 500;
  let pingTimer = null;
  let saved = load(SAVED);
  let lastTurn = 0;
  let pending = null;          // {turn, text}: the question awaiting an answer, for the "Repeat question" button
  let streaming = null;        // {turn, element}
  let outbox = null;           // the last message awaiting its reply: resent after a reconnect
  let recording = null;         // the recorder's {stop()} while a spoken answer is recorded (recorder.js)
  let serverStages = null;     // the guide's stages [{code, index, title}] from info/session; null: the page's own
  let privacy = null;          // what the server keeps and for how long (info/session "privacy"); null: not told
  let limits = {};             // session.capabilities.limits
  let voiceInput = true;
  let pendingData = null;      // {id, kind}: an export or delete awaiting its reply
  let exportParts = [];
  let alertFor = null;         // the clientMessageId the shown error is about: hidden once that message is answered
  let reportParts = [];
  let reports = {json: null, markdown: null};
  let resuming = false;
  let audioFormats = null;     // what the server takes (session.capabilities); null: not told
  let retryTimer = null;       // resends the outbox after a retriable error
  let retryDelay = 1000;
  // errors after which the same message, with the same clientMessageId, is sent again (docs/protocol.md, Errors)
  const RETRIABLE = ['unavailable', 'busy', 'rate_limited'];

  function load(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function store(key, value) {
    if (value == null) { localStorage.removeItem(key); } else { localStorage.setItem(key, JSON.stringify(value)); }
  }
  function t(key) { return (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key; }
  function randomId(bytes) {
    const a = new Uint8Array(bytes);
    crypto.getRandomValues(a);
    return btoa(String.fromCharCode.apply(null, a)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function clientKey() {
    let key = load(CLIENT_KEY);
    if (!key) { key = randomId(24); store(CLIENT_KEY, key); }
    return key;
  }

  // ------------------------------------------------------------------ language of the page

  function applyLanguage(code) {
    lang = TEXT[code] ? code : 'en';
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.title = t('title');
    buildProgress();
    setConnection(ws && ws.readyState === WebSocket.OPEN ? 'online' : 'offline');
    if (recording) { $('record-button').textContent = t('stop'); }
    renderNotice();
    renderRecordHint();
  }

  // the guide's stage names from the server (a host's own guide shows its own), else the page's
  function stageList() {
    return serverStages && serverStages.length ? serverStages.map((s) => ({code: s.code, title: s.title}))
      : t('stages').map((title, i) => ({code: STAGES[i], title: title}));
  }

  function buildProgress(current) {
    const ol = $('progress');
    const stages = stageList();
    const active = Math.min(current || Number(ol.dataset.current || 1), stages.length);
    ol.dataset.current = active;
    ol.textContent = '';
    ol.style.setProperty('--stages', stages.length);
    stages.map((stage) => stage.title).forEach((name, i) => {
      const li = document.createElement('li');
      li.dataset.stage = stages[i].code;
      li.className = i + 1 < active ? 'done' : (i + 1 === active ? 'current' : 'todo');
      if (i + 1 === active) { li.setAttribute('aria-current', 'step'); }
      const label = document.createElement('span');
      label.className = 'stage-name';
      label.textContent = name;
      li.appendChild(label);
      ol.appendChild(li);
    });
    const now = window.IAPrivacy.format(t('stageOf'), active, stages.length, stages[active - 1].title);
    ol.setAttribute('aria-label', now);
    $('stage-name').textContent = now;
  }

  function setProgress(stageIndex, completeness, depth) {
    if (stageIndex) { buildProgress(stageIndex); }
    if (completeness != null) {
      $('completeness').value = completeness;
      $('completeness').textContent = completeness + ' %';
      $('completeness-value').textContent = completeness + ' %';
    }
    if (depth != null) { $('depth').textContent = depth; }
  }

  function setConnection(state) {
    const el = $('connection');
    el.dataset.state = state;
    el.textContent = t(state);
  }

  // ------------------------------------------------------------------ connection

  function connect() {
    setConnection(ws ? 'connecting' : 'offline');
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws/interview';
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    ws = socket;
    socket.onopen = () => {
      backoff = 500;
      setConnection('online');
      clearInterval(pingTimer);
      pingTimer = setInterval(() => send({type: 'ping'}), 25000);
      const pendingStart = load(PENDING_START);
      if (!saved) { send({type: 'info', language: $('language').value}); }   // the notice, before any interview
      if (saved) {
        resuming = true;
        send({type: 'resume', interviewId: saved.interviewId, token: saved.token});
      } else if (pendingStart) {
        send(pendingStart);   // same clientMessageId and clientKey: the server will not start a second interview
      }
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') { return; }
      let msg;
      try { msg = JSON.parse(event.data); } catch (e) { return; }
      handle(msg);
    };
    socket.onclose = () => {
      clearInterval(pingTimer);
      if (ws !== socket) { return; }
      setConnection('connecting');
      const wait = Math.min(backoff, 10000) * (0.75 + Math.random() * 0.5);
      backoff = Math.min(backoff * 2, 10000);
      setTimeout(connect, wait);
    };
  }

  function send(message) {
    if (ws && ws.readyState === WebSocket.OPEN) {
      ws.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  function sendTracked(message, binary) {
    outbox = {message: message, binary: binary || null};
    resendOutbox();
    setBusy(true);
  }

  function resendOutbox() {
    if (outbox && send(outbox.message) && outbox.binary) { ws.send(outbox.binary); }
  }

  // the server could not take the message now: keep it and send it again, later each time (up to 15 s)
  function scheduleRetry() {
    clearTimeout(retryTimer);
    const wait = retryDelay * (0.75 + Math.random() * 0.5);
    retryDelay = Math.min(retryDelay * 2, 15000);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      resendOutbox();
    }, wait);
  }

  function settled() {   // the outbox got its reply
    clearTimeout(retryTimer);
    retryTimer = null;
    retryDelay = 1000;
    outbox = null;
  }

  // ------------------------------------------------------------------ server messages

  function handle(msg) {
    if (window.InterviewHistory) { InterviewHistory.onMessage(msg); }   // history.js: the conversation so far
    if (window.SpokenQuestions) { SpokenQuestions.onMessage(msg); }     // speech.js: questions read aloud
    if (alertFor && msg.type !== 'error' && msg.replyTo === alertFor) { hideAlert(); }   // resolved
    switch (msg.type) {
      case 'session':
        resuming = false;
        saved = {interviewId: msg.interviewId, token: msg.token, language: msg.language};
        store(SAVED, saved);
        store(PENDING_START, null);
        applyServerInfo(msg);
        applyLanguage(msg.language);
        applyCapabilities(msg.capabilities);
        show('chat');
        if (outbox) {   // a message sent before the drop: resent with its id, answered once
          clearTimeout(retryTimer);
          retryTimer = null;
          resendOutbox();
        }
        break;
      case 'delta':
        if (!streaming || streaming.turn !== msg.turn) {
          streaming = {turn: msg.turn, element: bubble('interviewer', '', true)};
        }
        streaming.element.querySelector('.text').textContent += msg.text;
        break;
      case 'question':
        // replyTo null: the opening question, or the pending one again after a resume; the outbox's reply follows
        if (msg.replyTo != null || !outbox) {
          setBusy(false);
          settled();
        }
        setProgress(msg.stageIndex, msg.completeness, msg.depth);
        if (streaming && streaming.turn === msg.turn) {
          streaming.element.querySelector('.text').textContent = msg.text;
          streaming.element.classList.remove('streaming');
          mark(streaming.element, {turn: msg.turn});
          streaming = null;
          lastTurn = Math.max(lastTurn, msg.turn);
        } else if (msg.turn > lastTurn && !$('log').querySelector('.msg[data-turn="' + msg.turn + '"]')) {
          lastTurn = msg.turn;
          mark(bubble('interviewer', msg.text), {turn: msg.turn});
        }
        setPending({turn: msg.turn, text: msg.text});
        $('answer').focus();
        break;
      case 'stage':
        setProgress(msg.toIndex || (STAGES.indexOf(msg.to) + 1), msg.completeness, null);
        break;
      case 'transcript':
        showTranscript(msg);
        break;
      case 'completed':
        setBusy(false);
        settled();
        setPending(null);
        mark(bubble('interviewer', msg.message), {closing: true});
        reports.json = msg.report;
        send({type: 'report', format: 'markdown'});
        showReport();
        break;
      case 'report':
        onReport(msg);
        break;
      case 'notice':
        if (outbox && outbox.message.type === 'confirm') {   // e.g. nothing awaited confirmation any more
          setBusy(false);
          settled();
        }
        bubble('notice', msg.text);
        break;
      case 'error':
        onError(msg);
        break;
      case 'info':
        applyServerInfo(msg);
        applyCapabilities(msg.capabilities);
        renderNotice();
        buildProgress();
        break;
      case 'export':
        onExport(msg);
        break;
      case 'deleted':
        onDeleted(msg);
        break;
      default:
        break;
    }
  }

  // the server says what it can do: no microphone where it takes no voice answers
  function applyCapabilities(capabilities) {
    const voice = !capabilities || capabilities.voiceInput !== false;
    voiceInput = voice;
    $('record-button').hidden = !voice;
    audioFormats = capabilities && Array.isArray(capabilities.audioFormats) ? capabilities.audioFormats : null;
    limits = (capabilities && capabilities.limits) || {};
    renderRecordHint();
  }

  // the guide's stages and the privacy notice, as the server tells them (info before a start, then every session)
  function applyServerInfo(msg) {
    if (Array.isArray(msg.stages) && msg.stages.length) { serverStages = msg.stages; }
    if (msg.privacy) { privacy = msg.privacy; }
    updateDataView();
  }

  function onError(msg) {
    if (pendingData && msg.replyTo === pendingData.id) {   // an export or delete failed: the interview is untouched
      pendingData = null;
      setDataBusy(false);
      showAlert(msg.message, null);
      return;
    }
    const retry = outbox && RETRIABLE.includes(msg.code)
        && (!msg.replyTo || msg.replyTo === outbox.message.clientMessageId);
    if (retry) {
      scheduleRetry();   // the answer stays in the outbox and the form stays busy until it is answered
    } else {
      setBusy(false);
    }
    if (msg.code === 'unauthorized' && resuming) {
      resuming = false;
      // the saved interview cannot be opened (expired token or a different server): start over
      saved = null;
      settled();
      store(SAVED, null);
      show('start');
    }
    const about = msg.replyTo || (retry ? outbox.message.clientMessageId : null);
    if (!retry) { settled(); }   // not retriable: the message is dropped, the form is free again
    showAlert(msg.message, about);
  }

  // ------------------------------------------------------------------ errors: shown until dismissed or resolved

  function showAlert(text, about) {
    alertFor = about || null;
    $('alert-text').textContent = text;
    $('alert').hidden = false;
  }

  function hideAlert() {
    alertFor = null;
    $('alert').hidden = true;
    $('alert-text').textContent = '';
  }

  function onReport(msg) {
    if (msg.format === 'json') {
      reports.json = msg.content;
    } else {
      if (msg.parts && msg.parts > 1) {
        reportParts[msg.part - 1] = msg.content;
        if (reportParts.filter((p) => p != null).length < msg.parts) { return; }
        reports.markdown = reportParts.join('\n\n');
        reportParts = [];
      } else {
        reports.markdown = msg.content;
      }
    }
    showReport();
  }

  // ------------------------------------------------------------------ views

  function show(view) {
    $('start-view').hidden = view !== 'start';
    $('chat-view').hidden = view !== 'chat';
    $('report-view').hidden = view !== 'report';
    updateDataView();
  }

  function bubble(who, text, isStreaming) {
    const item = document.createElement('div');
    item.className = 'msg ' + who + (isStreaming ? ' streaming' : '');
    const name = document.createElement('span');
    name.className = 'who';
    name.textContent = who === 'respondent' ? t('you') : (who === 'notice' ? '' : t('interviewer'));
    const body = document.createElement('p');
    body.className = 'text';
    body.textContent = text;
    item.appendChild(name);
    item.appendChild(body);
    $('log').appendChild(item);
    item.scrollIntoView({block: 'end'});
    return item;
  }

  // tells history.js which turn (or which sent message) a bubble shows, so a restored conversation has no duplicates
  function mark(element, meta) {
    return window.InterviewHistory ? InterviewHistory.tag(element, meta) : element;
  }

  function setBusy(busy) {
    $('send-button').disabled = busy;
    $('answer-form').setAttribute('aria-busy', busy ? 'true' : 'false');
  }

  function showTranscript(msg) {
    if (!msg.needsConfirmation) {
      mark(bubble('respondent', msg.text), {clientId: msg.replyTo});
      return;
    }
    setBusy(false);
    settled();
    $('confirm-text').textContent = t('heard') + ': “' + msg.text + '”';
    const buttons = $('confirm-buttons');
    buttons.textContent = '';
    (msg.choices || []).forEach((choice) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = choice.label;
      b.addEventListener('click', () => {
        $('confirm').hidden = true;
        if (choice.action === 'transcript:confirm') { mark(bubble('respondent', msg.text), {clientId: msg.replyTo}); }
        if (choice.action === 'transcript:type') { $('answer').value = msg.text; $('answer').focus(); }
        sendTracked({type: 'confirm', clientMessageId: randomId(12), action: choice.action});
      });
      buttons.appendChild(b);
    });
    $('confirm').hidden = false;
    buttons.firstChild && buttons.firstChild.focus();
  }

  function showReport() {
    show('report');
    const article = $('report');
    article.textContent = '';
    if (reports.markdown) {
      renderMarkdown(reports.markdown, article);
    } else if (reports.json) {
      renderJson(reports.json, article);
    }
    link('download-json', reports.json ? JSON.stringify(reports.json, null, 2) : null, 'application/json');
    link('download-md', reports.markdown, 'text/markdown');
    link('download-transcript', window.IATranscript.markdown(reports.json, shownLog(), {title: t('transcriptTitle'),
      you: t('you'), interviewer: t('interviewer'), spoken: t('spoken')}), 'text/markdown');
    $('report-heading').focus();
  }

  function link(id, content, type) {
    const a = $(id);
    if (a.dataset.url) { URL.revokeObjectURL(a.dataset.url); }
    if (content == null) { a.setAttribute('aria-disabled', 'true'); a.removeAttribute('href'); return; }
    const url = URL.createObjectURL(new Blob([content], {type: type + ';charset=utf-8'}));
    a.dataset.url = url;
    a.href = url;
    a.removeAttribute('aria-disabled');
  }

  // A small Markdown renderer for the report: headings, lists, tables, bold, code, paragraphs. Builds DOM nodes,
  // never HTML strings, so report text cannot inject markup.
  function renderMarkdown(md, into) {
    let list = null;
    let para = null;
    let table = null;
    md.split('\n').forEach((raw) => {
      const line = raw.replace(/\s+$/, '');
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
      const row = /^\|(.*)\|$/.exec(line);
      if (!row) { table = null; }
      if (!line) { list = null; para = null; return; }
      if (row) {
        list = null; para = null;
        if (/^[\s|:-]+$/.test(line)) { return; }
        const cells = row[1].split(/(?<!\\)\|/);
        const header = !table;
        if (!table) {
          const wrap = into.appendChild(document.createElement('div'));
          wrap.className = 'table-wrap';
          table = wrap.appendChild(document.createElement('table'));
        }
        const tr = table.appendChild(document.createElement('tr'));
        cells.forEach((cell) => inline(tr.appendChild(document.createElement(header ? 'th' : 'td')), cell.trim()));
      } else if (heading) {
        list = null; para = null;
        const level = Math.min(6, heading[1].length + 2);
        into.appendChild(inline(document.createElement('h' + level), heading[2]));
      } else if (item) {
        para = null;
        if (!list) { list = into.appendChild(document.createElement(/^\s*\d/.test(line) ? 'ol' : 'ul')); }
        list.appendChild(inline(document.createElement('li'), item[1]));
      } else {
        list = null;
        if (!para) { para = into.appendChild(document.createElement('p')); } else { para.appendChild(document.createTextNode(' ')); }
        inline(para, line.replace(/^>\s?/, ''));
      }
    });
  }

  function unescape(text) {
    return text.replace(/\\([\\`*_{}\[\]()#+\-.!|>])/g, '$1');
  }

  function inline(el, text) {
    text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).forEach((piece) => {
      if (/^\*\*[^*]+\*\*$/.test(piece)) {
        el.appendChild(document.createElement('strong')).textContent = unescape(piece.slice(2, -2));
      } else if (/^`[^`]+`$/.test(piece)) {
        el.appendChild(document.createElement('code')).textContent = piece.slice(1, -1);
      } else if (piece) {
        const plain = piece.replace(/(^|\s)_([^_]+)_(?=\s|$|[.,;:])/g, '$1$2').replace(/\*([^*]+)\*/g, '$1');
        el.appendChild(document.createTextNode(unescape(plain)));
      }
    });
    return el;
  }

  function renderJson(report, into) {
    Object.keys(report).forEach((key) => {
      const value = report[key];
      const h = into.appendChild(document.createElement('h3'));
      h.textContent = key;
      const pre = into.appendChild(document.createElement('pre'));
      pre.textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    });
  }

  // ------------------------------------------------------------------ actions

  function startInterview(event) {
    event.preventDefault();
    const form = $('start-form');
    const profile = {};
    ['expert_name', 'role_title', 'company', 'industry', 'interview_goal'].forEach((f) => {
      const v = form.elements[f].value.trim();
      if (v) { profile[f] = v; }
    });
    const years = form.elements.years_experience.value.trim();
    if (years) { profile.years_experience = Number(years); }
    $('note').hidden = true;
    // consent: true — the respondent agreed to the notice above the button (kept with the interview)
    const message = {type: 'start', clientMessageId: randomId(12), clientKey: clientKey(), consent: true,
      language: form.elements.language.value, style: form.elements.style.value, profile: profile};
    store(PENDING_START, message);
    lastTurn = 0;
    setPending(null);
    $('log').textContent = '';
    reports = {json: null, markdown: null};
    applyLanguage(message.language);
    if (!send(message) && !ws) { connect(); }
  }

  function sendAnswer(event) {
    if (event) { event.preventDefault(); }
    const box = $('answer');
    const text = box.value.trim();
    if (!text || $('send-button').disabled) { return; }
    const id = randomId(12);
    mark(bubble('respondent', text), {clientId: id});
    box.value = '';
    sendTracked({type: 'answer', clientMessageId: id, text: text});
  }

  // The question awaiting an answer, shown again at the end of the log (and read aloud again when spoken questions
  // are on): nothing is sent to the server, the interview does not move. A copy, not a turn: history.js and the
  // transcript leave it out.
  function setPending(question) {
    pending = question;
    $('repeat-button').disabled = !question;
  }

  function repeatQuestion() {
    if (!pending) { return; }
    const copy = bubble('interviewer', pending.text);
    copy.classList.add('repeat');
    copy.dataset.repeatOf = String(pending.turn);
    if (window.SpokenQuestions) { SpokenQuestions.repeat(); }
  }

  function endInterview() {
    if (!window.confirm(t('confirmEnd'))) { return; }
    sendTracked({type: 'complete', clientMessageId: randomId(12)});
  }

  async function toggleRecording() {
    const button = $('record-button');
    if (recording) { recording.stop(); return; }
    if (button.getAttribute('aria-pressed') === 'true') { return; }   // asking for the microphone
    button.setAttribute('aria-pressed', 'true');
    button.textContent = t('stop');
    recording = await window.IARecorder.start({
      limits: {maxSeconds: limits.maxAudioSeconds || null, maxBytes: limits.maxAudioBytes || null},
      formats: audioFormats, t: t,
      els: {panel: $('recording'), time: $('rec-time'), limit: $('rec-limit'), level: $('rec-level'),
        warning: $('rec-warning')},
      onError: (message) => showAlert(message, null),
      onDone: (bytes, format) => {
        recording = null;
        button.setAttribute('aria-pressed', 'false');
        button.textContent = t('record');
        if (bytes.byteLength) {
          // the size lets the server take exactly these bytes and refuse anything else at once
          sendTracked({type: 'audio', clientMessageId: randomId(12), format: format, size: bytes.byteLength}, bytes);
        }
      }
    });
    if (!recording) {   // no microphone
      button.setAttribute('aria-pressed', 'false');
      button.textContent = t('record');
    }
  }

  function renderRecordHint() {
    const hint = $('rec-hint');
    hint.hidden = !(voiceInput && limits.maxAudioSeconds);
    hint.textContent = hint.hidden ? '' : window.IAPrivacy.format(t('recLimitHint'),
      window.IARecorder.clock(limits.maxAudioSeconds));
  }

  function newInterview() {
    saved = null;
    store(SAVED, null);
    store(PENDING_START, null);
    settled();
    lastTurn = 0;
    setPending(null);
    $('log').textContent = '';
    $('export-ready').hidden = true;
    buildProgress(1);
    setProgress(1, 0, 1);
    show('start');
    $('language').focus();
  }

  // ------------------------------------------------------------------ the privacy notice and the respondent's data

  function renderNotice() {
    const list = $('consent-notice');
    list.textContent = '';
    window.IAPrivacy.notice(privacy, t, lang).forEach((line) => {
      list.appendChild(document.createElement('li')).textContent = line;
    });
  }

  // "Your data" is there while an interview is open or shown, and on the start page when the server can reach every
  // interview this browser started (its clientKey)
  function updateDataView() {
    const view = !$('chat-view').hidden || !$('report-view').hidden ? 'interview'
      : (privacy && privacy.respondentScope && load(CLIENT_KEY) ? 'browser' : null);
    $('data-view').hidden = !view;
  }

  function setDataBusy(busy) {
    $('export-button').disabled = busy;
    $('delete-button').disabled = busy;
  }

  function dataRequest(message) {
    const key = load(CLIENT_KEY);   // never a new one: a browser without a key has nothing under it
    if (key) { message.clientKey = key; }
    pendingData = {id: message.clientMessageId, kind: message.type};
    setDataBusy(true);
    if (!send(message)) {
      pendingData = null;
      setDataBusy(false);
      showAlert(t('dataOffline'), null);
    }
  }

  function exportMine() {
    exportParts = [];
    $('export-ready').hidden = true;
    dataRequest({type: 'export', clientMessageId: randomId(12)});
  }

  function deleteMine() {
    const all = privacy && privacy.respondentScope && load(CLIENT_KEY);
    if (!window.confirm(t(all ? 'confirmDeleteAll' : 'confirmDeleteOne'))) { return; }
    dataRequest({type: 'delete', clientMessageId: randomId(12), confirm: true});
  }

  function onExport(msg) {
    if (msg.parts && msg.parts > 1) {   // a long export comes in parts, concatenated as they are
      exportParts[msg.part - 1] = msg.content;
      if (exportParts.filter((p) => p != null).length < msg.parts) { return; }
    } else {
      exportParts = [msg.content];
    }
    const content = exportParts.join('');
    exportParts = [];
    pendingData = null;
    setDataBusy(false);
    link('download-export', content, 'application/json');
    $('export-ready').hidden = false;
    $('download-export').click();   // the download starts; the link stays for another copy
  }

  function onDeleted(msg) {
    pendingData = null;
    setDataBusy(false);
    saved = null;
    store(SAVED, null);
    store(PENDING_START, null);
    if (msg.scope === 'respondent') { store(CLIENT_KEY, null); }   // nothing is left under it: start afresh
    settled();
    setBusy(false);
    hideAlert();
    lastTurn = 0;
    setPending(null);
    $('log').textContent = '';
    reports = {json: null, markdown: null};
    $('export-ready').hidden = true;
    link('download-export', null);
    buildProgress(1);
    setProgress(1, 0, 1);
    show('start');
    const note = $('note');
    note.textContent = window.IAPrivacy.format(t('deletedNote'), msg.interviews);
    note.hidden = false;
    $('start-heading').setAttribute('tabindex', '-1');
    $('start-heading').focus();
  }

  // what the page showed, for a transcript when the report has none
  function shownLog() {
    return Array.from(document.querySelectorAll('#log .msg:not(.repeat)')).map((item) => ({
      who: item.classList.contains('respondent') ? 'respondent' : (item.classList.contains('notice') ? 'notice'
        : 'interviewer'),
      text: item.querySelector('.text').textContent
    }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const browserLang = (navigator.language || 'en').slice(0, 2) === 'ru' ? 'ru' : 'en';
    $('language').value = saved ? saved.language : browserLang;
    applyLanguage(saved ? saved.language : browserLang);
    $('language').addEventListener('change', (e) => applyLanguage(e.target.value));
    $('start-form').addEventListener('submit', startInterview);
    $('answer-form').addEventListener('submit', sendAnswer);
    $('answer').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { sendAnswer(e); }
    });
    $('record-button').addEventListener('click', toggleRecording);
    $('end-button').addEventListener('click', endInterview);
    $('repeat-button').addEventListener('click', repeatQuestion);
    setPending(null);
    $('new-button').addEventListener('click', newInterview);
    if (window.InterviewHistory) { InterviewHistory.init({send: send, bubble: bubble, log: $('log')}); }
    if (window.SpokenQuestions) { SpokenQuestions.init({send: send}); }
    $('alert-dismiss').addEventListener('click', hideAlert);
    $('export-button').addEventListener('click', exportMine);
    $('delete-button').addEventListener('click', deleteMine);
    $('language').addEventListener('change', (e) => send({type: 'info', language: e.target.value}));
    show(saved ? 'chat' : 'start');
    connect();
  });
}());
