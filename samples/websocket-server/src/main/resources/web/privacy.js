// The privacy notice shown before the first question, and the respondent's own data: "Download my answers" and
// "Delete my data" (docs/protocol.md, "Your data"). The notice is built from what the server says it does
// (session/info "privacy"), so it is true for this server. Texts in English and Russian; app.js merges them.
'use strict';

(function () {
  const texts = window.IAText = window.IAText || {en: {}, ru: {}};
  Object.assign(texts.en, {
    consentHeading: 'Before you start: your data',
    consentStored: 'What is kept: your answers, the interviewer’s questions, what you fill in under “About you”, '
      + 'and the report made from them.',
    consentRedacted: 'E-mail addresses and phone numbers are masked before anything is kept.',
    consentVoice: 'Spoken answers are sent to a speech-to-text service to be written down; the recording itself is '
      + 'not kept.',
    consentKept: 'How long: until you delete it.',
    consentDeletedAfter: 'How long: deleted automatically {0} after the interview ends.',
    consentIdle: 'An interview left without an answer for {0} is closed and counts as ended.',
    consentUnknown: 'How long it is kept is up to the operator of this site.',
    consentRights: 'Your rights: “Download my answers” gives you everything kept about you, and “Delete my data” '
      + 'erases it. Both are on this page during and after the interview.',
    agreeStart: 'Agree and start',
    yourData: 'Your data',
    downloadMine: 'Download my answers',
    deleteMine: 'Delete my data',
    confirmDeleteAll: 'Delete everything kept about the interviews of this browser? This cannot be undone.',
    confirmDeleteOne: 'Delete this interview and everything kept about it? This cannot be undone.',
    deletedNote: 'Your data was deleted (interviews removed: {0}).',
    exportReady: 'Your answers are ready:',
    dismiss: 'Dismiss',
    dataOffline: 'Not connected: please try again once the page shows “connected”.',
    days: ['day', 'days'], hours: ['hour', 'hours']
  });
  Object.assign(texts.ru, {
    consentHeading: 'Прежде чем начать: ваши данные',
    consentStored: 'Что сохраняется: ваши ответы, вопросы интервьюера, то, что вы укажете в разделе «О вас», '
      + 'и отчёт, составленный по ним.',
    consentRedacted: 'Адреса электронной почты и номера телефонов маскируются до сохранения.',
    consentVoice: 'Голосовые ответы отправляются в сервис распознавания речи, чтобы записать их текстом; сама запись '
      + 'не сохраняется.',
    consentKept: 'Как долго: пока вы их не удалите.',
    consentDeletedAfter: 'Как долго: удаляются автоматически через {0} после окончания интервью.',
    consentIdle: 'Интервью, в котором {0} не было ответа, закрывается и считается оконченным.',
    consentUnknown: 'Срок хранения определяет владелец этого сайта.',
    consentRights: 'Ваши права: кнопка «Скачать мои ответы» выдаёт всё, что о вас сохранено, а «Удалить мои данные» '
      + 'стирает это. Обе кнопки есть на этой странице во время интервью и после него.',
    agreeStart: 'Согласиться и начать',
    yourData: 'Ваши данные',
    downloadMine: 'Скачать мои ответы',
    deleteMine: 'Удалить мои данные',
    confirmDeleteAll: 'Удалить всё, что сохранено об интервью из этого браузера? Это нельзя отменить.',
    confirmDeleteOne: 'Удалить это интервью и всё, что о нём сохранено? Это нельзя отменить.',
    deletedNote: 'Ваши данные удалены (удалено интервью: {0}).',
    exportReady: 'Ваши ответы готовы:',
    dismiss: 'Закрыть',
    dataOffline: 'Нет связи: повторите, когда страница покажет «на связи».',
    days: ['день', 'дня', 'дней'], hours: ['час', 'часа', 'часов']
  });

  function format(template, ...values) {
    return values.reduce((text, value, i) => text.split('{' + i + '}').join(String(value)), template);
  }

  // the word for n in the language: one/other in English; one/few/many in Russian
  function plural(n, forms, lang) {
    if (lang === 'ru') {
      const ten = n % 10;
      const hundred = n % 100;
      if (ten === 1 && hundred !== 11) { return forms[0]; }
      if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) { return forms[1]; }
      return forms[2];
    }
    return n === 1 ? forms[0] : forms[1];
  }

  // "30 days", "12 hours": whole days from a day on, else hours (at least one)
  function duration(seconds, t, lang) {
    if (seconds >= 86400) {
      const days = Math.round(seconds / 86400);
      return days + ' ' + plural(days, t('days'), lang);
    }
    const hours = Math.max(1, Math.round(seconds / 3600));
    return hours + ' ' + plural(hours, t('hours'), lang);
  }

  /**
   * The notice's sentences, in order, for the server's "privacy" object; null (a server that tells nothing) gives
   * the general sentences and says that the operator decides how long data is kept.
   */
  function notice(privacy, t, lang) {
    const lines = [t('consentStored')];
    if (privacy && privacy.piiRedacted) { lines.push(t('consentRedacted')); }
    if (privacy && privacy.speechToText) { lines.push(t('consentVoice')); }
    if (!privacy) {
      lines.push(t('consentUnknown'));
    } else {
      lines.push(privacy.deleteAfterEndSeconds
        ? format(t('consentDeletedAfter'), duration(privacy.deleteAfterEndSeconds, t, lang)) : t('consentKept'));
      if (privacy.closeIdleAfterSeconds) {
        lines.push(format(t('consentIdle'), duration(privacy.closeIdleAfterSeconds, t, lang)));
      }
    }
    lines.push(t('consentRights'));
    return lines;
  }

  window.IAPrivacy = {notice: notice, duration: duration, plural: plural, format: format};
}());
