// A spoken answer: records the microphone with MediaRecorder, shows a running timer against the server's length
// limit (session.capabilities.limits.maxAudioSeconds) and a level meter (Web Audio AnalyserNode), warns before the
// limit and stops by itself just before it, so a recording is never refused for its length or size.
'use strict';

(function () {
  const texts = window.IAText = window.IAText || {en: {}, ru: {}};
  Object.assign(texts.en, {
    recLimitHint: 'Recordings up to {0}; recording stops by itself there.',
    recLevel: 'Microphone level', recTime: 'Recording time',
    recStopsIn: 'Recording stops in {0} s.', recStopped: 'The recording reached its limit and was sent.'
  });
  Object.assign(texts.ru, {
    recLimitHint: 'Запись до {0}; на этой отметке она остановится сама.',
    recLevel: 'Уровень микрофона', recTime: 'Время записи',
    recStopsIn: 'Запись остановится через {0} с.', recStopped: 'Запись достигла предела и отправлена.'
  });

  const TYPES = [['audio/webm;codecs=opus', 'webm'], ['audio/ogg;codecs=opus', 'ogg'], ['audio/mp4', 'm4a']];
  const MARGIN_MS = 500;       // stop this much before the limit: the container's length may run a little over
  const WARN_SECONDS = 10;

  function clock(seconds) {
    const whole = Math.max(0, Math.floor(seconds));
    return Math.floor(whole / 60) + ':' + String(whole % 60).padStart(2, '0');
  }

  /**
   * Starts recording. options: {limits: {maxSeconds, maxBytes}, formats (null: any), t, els: {panel, time, limit,
   * level, warning}, onDone(bytes, format, byLimit), onError(message)}. Resolves to {stop()}, or null when the
   * browser has no microphone (onError was told).
   */
  async function start(options) {
    const t = options.t;
    const els = options.els;
    if (!navigator.mediaDevices || !window.MediaRecorder) { options.onError(t('noMic')); return null; }
    let stream;
    try { stream = await navigator.mediaDevices.getUserMedia({audio: true}); } catch (e) {
      options.onError(t('noMic'));
      return null;
    }
    const chosen = TYPES.find((pair) => MediaRecorder.isTypeSupported(pair[0])
        && (!options.formats || options.formats.includes(pair[1]))) || ['', 'webm'];
    const recorder = new MediaRecorder(stream, chosen[0] ? {mimeType: chosen[0]} : undefined);
    const chunks = [];
    let bytes = 0;
    let byLimit = false;
    const maxMs = options.limits.maxSeconds ? options.limits.maxSeconds * 1000 - MARGIN_MS : null;
    const maxBytes = options.limits.maxBytes ? options.limits.maxBytes * 0.95 : null;

    // the level: root mean square of the waveform, scaled so speech fills most of the meter
    let audio = null;
    let analyser = null;
    const samples = new Uint8Array(1024);
    try {
      audio = new (window.AudioContext || window.webkitAudioContext)();
      analyser = audio.createAnalyser();
      analyser.fftSize = 1024;
      audio.createMediaStreamSource(stream).connect(analyser);
    } catch (e) {
      analyser = null;   // no meter, the recording still works
    }

    els.panel.hidden = false;
    els.limit.textContent = options.limits.maxSeconds ? ' / ' + clock(options.limits.maxSeconds) : '';
    els.warning.textContent = '';
    els.level.value = 0;
    const began = performance.now();
    let warned = false;
    const tick = setInterval(() => {
      const elapsed = performance.now() - began;
      els.time.textContent = clock(elapsed / 1000);
      if (analyser) {
        analyser.getByteTimeDomainData(samples);
        let sum = 0;
        for (let i = 0; i < samples.length; i++) { const v = (samples[i] - 128) / 128; sum += v * v; }
        els.level.value = Math.min(1, Math.sqrt(sum / samples.length) * 4);
      }
      if (maxMs) {
        const left = Math.ceil((maxMs + MARGIN_MS - elapsed) / 1000);
        if (!warned && options.limits.maxSeconds >= 3 * WARN_SECONDS && left <= WARN_SECONDS) {
          warned = true;
          els.warning.textContent = window.IAPrivacy.format(t('recStopsIn'), left);
        }
        if (elapsed >= maxMs) { byLimit = true; stop(); }
      }
    }, 100);

    function stop() {
      if (recorder.state !== 'inactive') { recorder.stop(); }
    }

    recorder.ondataavailable = (e) => {
      if (!e.data.size) { return; }
      chunks.push(e.data);
      bytes += e.data.size;
      if (maxBytes && bytes >= maxBytes) { byLimit = true; stop(); }
    };
    recorder.onstop = async () => {
      clearInterval(tick);
      stream.getTracks().forEach((track) => track.stop());
      if (audio) { audio.close().catch(() => {}); }
      els.panel.hidden = true;
      els.level.value = 0;
      els.warning.textContent = byLimit ? t('recStopped') : '';
      const data = await new Blob(chunks).arrayBuffer();
      options.onDone(data, chosen[1], byLimit);
    };
    recorder.start(250);   // in slices, so the size is known while recording
    return {stop: stop};
  }

  window.IARecorder = {start: start, clock: clock};
}());
