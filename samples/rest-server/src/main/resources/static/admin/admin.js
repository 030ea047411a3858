'use strict';
// The operator page: lists interviews through the operator API with the admin token the operator pastes (kept in
// sessionStorage, sent as a bearer token), opens reports, exports and deletes. Every value from the server is put
// on the page as text, never as HTML.
(() => {
  const TOKEN_KEY = 'ia.adminToken';
  const PAGE_SIZE = 50;
  const $ = (id) => document.getElementById(id);
  const state = { query: null, cursor: null, reportId: null, reportFormat: 'markdown' };

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  /** Calls the operator API; a problem response becomes an Error carrying its detail and status. */
  async function api(path, options = {}) {
    const headers = Object.assign({ Authorization: 'Bearer ' + token() }, options.headers || {});
    const response = await fetch(path, Object.assign({}, options, { headers, cache: 'no-store' }));
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try {
        const problem = await response.json();
        if (problem && typeof problem.detail === 'string') {
          detail = problem.detail;
        }
      } catch (ignored) {
        // not a problem document: keep the status line
      }
      const error = new Error(detail);
      error.status = response.status;
      throw error;
    }
    return response;
  }

  function say(text) {
    $('error').textContent = '';
    $('status').textContent = text;
  }

  function fail(error) {
    $('status').textContent = '';
    $('error').textContent = error.message;
    if (error.status === 401 || error.status === 403) {
      signOut(false);
    }
  }

  function showSignedIn(signedIn) {
    $('list-view').hidden = !signedIn;
    $('forget-button').hidden = !signedIn;
    $('token-button').textContent = signedIn ? 'Use another token' : 'Sign in';
    const session = $('session');
    session.dataset.state = signedIn ? 'signed-in' : 'signed-out';
    session.textContent = signedIn ? 'signed in' : 'not signed in';
    if (!signedIn) {
      $('report-view').hidden = true;
      $('interviews').tBodies[0].replaceChildren();
      $('metrics').textContent = '';
    }
  }

  async function signIn(event) {
    event.preventDefault();
    const value = $('token').value.trim();
    if (!value) {
      fail(new Error('Paste the admin token first.'));
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, value);
    $('token').value = '';
    try {
      await api('/api/admin/metrics');
      showSignedIn(true);
      say('Signed in.');
      await refresh();
    } catch (error) {
      sessionStorage.removeItem(TOKEN_KEY);
      showSignedIn(false);
      fail(error);
    }
  }

  function signOut(announce = true) {
    sessionStorage.removeItem(TOKEN_KEY);
    showSignedIn(false);
    if (announce) {
      say('Signed out.');
    }
  }

  /** The filters as query parameters; dates are whole UTC days. */
  function queryFromForm() {
    const form = $('filter-form');
    const params = new URLSearchParams();
    form.querySelectorAll('input[name="status"]:checked').forEach((box) => params.append('status', box.value));
    for (const name of ['language', 'style', 'channel']) {
      const value = form.elements[name].value.trim();
      if (value) {
        params.set(name, value);
      }
    }
    const from = form.elements.startedFrom.value;
    if (from) {
      params.set('startedFrom', from + 'T00:00:00Z');
    }
    const to = form.elements.startedTo.value;
    if (to) {
      const next = new Date(to + 'T00:00:00Z');
      next.setUTCDate(next.getUTCDate() + 1);
      params.set('startedBefore', next.toISOString().replace('.000Z', 'Z'));
    }
    params.set('pageSize', String(PAGE_SIZE));
    return params;
  }

  async function refresh() {
    state.query = queryFromForm();
    state.cursor = null;
    $('interviews').tBodies[0].replaceChildren();
    await Promise.all([loadPage(), loadMetrics()]);
  }

  async function loadPage() {
    const params = new URLSearchParams(state.query);
    if (state.cursor) {
      params.set('cursor', state.cursor);
    }
    try {
      const page = await (await api('/api/admin/interviews?' + params)).json();
      const body = $('interviews').tBodies[0];
      page.items.forEach((item) => body.appendChild(row(item)));
      state.cursor = page.nextCursor || null;
      $('more-button').hidden = !state.cursor;
      $('empty').hidden = body.rows.length > 0;
      $('list-view').dataset.loaded = String(Date.now());
    } catch (error) {
      fail(error);
    }
  }

  async function loadMetrics() {
    try {
      const metrics = await (await api('/api/admin/metrics')).json();
      const counts = Object.entries(metrics.interviews).map(([status, n]) => n + ' ' + status.replace('_', ' '));
      $('metrics').textContent = counts.join(' · ') + ' — since start: ' + metrics.engine.started + ' started, '
          + metrics.engine.answers + ' answers, ' + metrics.engine.completed + ' ended — brain: ' + metrics.brain;
    } catch (error) {
      fail(error);
    }
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) {
      td.className = className;
    }
    return td;
  }

  function button(label, className, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    if (className) {
      b.className = className;
    }
    b.addEventListener('click', onClick);
    return b;
  }

  function shortTime(iso) {
    return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
  }

  function row(item) {
    const tr = document.createElement('tr');
    tr.dataset.id = item.interviewId;
    tr.dataset.status = item.status;
    tr.append(cell(item.interviewId, 'id'), cell(item.status), cell(item.language), cell(item.style),
        cell(item.channel), cell(item.stageIndex + ' ' + item.stage), cell(item.turns),
        cell(shortTime(item.startedAt)), cell(shortTime(item.updatedAt)));
    const actions = cell('', 'actions');
    actions.append(
        button('Report', 'report', () => openReport(item.interviewId, state.reportFormat)),
        button('Export', 'export', () => exportInterview(item.interviewId)),
        button('Delete', 'danger delete', (event) => deleteInterview(item.interviewId, event.currentTarget, tr)));
    tr.append(actions);
    return tr;
  }

  async function openReport(id, format) {
    state.reportId = id;
    state.reportFormat = format;
    $('report-markdown').setAttribute('aria-pressed', String(format === 'markdown'));
    $('report-json').setAttribute('aria-pressed', String(format === 'json'));
    const accept = format === 'json' ? 'application/json' : 'text/markdown';
    try {
      const text = await (await api('/api/admin/interviews/' + encodeURIComponent(id) + '/report',
          { headers: { Accept: accept } })).text();
      $('report').textContent = format === 'json' ? JSON.stringify(JSON.parse(text), null, 2) : text;
      $('report-heading').textContent = 'Report of ' + id;
      $('report-view').hidden = false;
      $('report-view').dataset.format = format;
      $('report').focus();
      say('Report of ' + id + ' opened (' + format + ').');
    } catch (error) {
      fail(error);
    }
  }

  async function exportInterview(id) {
    try {
      const blob = await (await api('/api/admin/interviews/' + encodeURIComponent(id) + '/export')).blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'interview-' + id + '.json';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      say('Export of ' + id + ' downloaded (' + blob.size + ' bytes).');
    } catch (error) {
      fail(error);
    }
  }

  /** Two clicks: the first arms the button for five seconds, the second deletes. */
  async function deleteInterview(id, control, tr) {
    if (control.dataset.armed !== 'true') {
      control.dataset.armed = 'true';
      control.textContent = 'Confirm delete';
      setTimeout(() => {
        control.dataset.armed = 'false';
        control.textContent = 'Delete';
      }, 5000);
      say('Click “Confirm delete” to delete ' + id + ' and everything stored about it.');
      return;
    }
    control.disabled = true;
    try {
      await api('/api/admin/interviews/' + encodeURIComponent(id), { method: 'DELETE' });
      tr.remove();
      if (state.reportId === id) {
        $('report-view').hidden = true;
      }
      $('empty').hidden = $('interviews').tBodies[0].rows.length > 0;
      say('Deleted ' + id + '.');
      await loadMetrics();
    } catch (error) {
      control.disabled = false;
      fail(error);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('token-form').addEventListener('submit', signIn);
    $('forget-button').addEventListener('click', () => signOut(true));
    $('filter-form').addEventListener('submit', (event) => {
      event.preventDefault();
      refresh();
    });
    $('refresh-button').addEventListener('click', () => refresh());
    $('more-button').addEventListener('click', () => loadPage());
    $('report-markdown').addEventListener('click', () => openReport(state.reportId, 'markdown'));
    $('report-json').addEventListener('click', () => openReport(state.reportId, 'json'));
    $('report-close').addEventListener('click', () => {
      $('report-view').hidden = true;
    });
    if (token()) {
      showSignedIn(true);
      refresh();
    } else {
      showSignedIn(false);
    }
  });
})();
