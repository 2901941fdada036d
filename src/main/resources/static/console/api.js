// Calls /api/v1 as the signed-in person; a refusal becomes an error that carries its problem document.
const BASE = '/api/v1';

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || String(status));
    this.status = status;
    this.problem = problem;
  }
}

function headersFor(token, lang, extra) {
  const headers = { Accept: 'application/json', 'Accept-Language': lang, ...extra };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  return headers;
}

export async function api(token, lang, method, path, body, extraHeaders) {
  const headers = headersFor(token, lang, extraHeaders);
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const answer = await fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await answer.text();
  const parsed = text ? JSON.parse(text) : null;
  if (!answer.ok) {
    throw new ProblemError(answer.status, parsed || {});
  }
  return parsed;
}

// A file the API writes (a CSV report), as a blob to save.
export async function download(token, lang, path) {
  const answer = await fetch(BASE + path, { headers: headersFor(token, lang, { Accept: 'text/csv' }) });
  if (!answer.ok) {
    throw new ProblemError(answer.status, await answer.json().catch(() => ({})));
  }
  return answer.blob();
}

// What to tell the reader: the problem's own detail (the server writes it), or a plain word when none came back.
export function problemText(failure, t) {
  if (failure instanceof ProblemError) {
    const fields = (failure.problem.errors || []).map(error => `${error.field}: ${error.message}`).join('; ');
    return [failure.problem.title, failure.problem.detail, fields].filter(Boolean).join(' — ');
  }
  return t('app.unreachable');
}

// Follows a plan's progress stream until its end event. EventSource cannot send a bearer token, so the stream is
// read with fetch and its events split by hand: each is "event:NAME" and "data:JSON" lines, then a blank line.
export async function planEvents(token, planId, onProgress) {
  const answer = await fetch(`${BASE}/plans/${encodeURIComponent(planId)}/events`,
    { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token}` } });
  if (!answer.ok) {
    throw new ProblemError(answer.status, await answer.json().catch(() => ({})));
  }
  const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffered += value;
    let boundary;
    while ((boundary = buffered.indexOf('\n\n')) >= 0) {
      const event = buffered.slice(0, boundary);
      buffered = buffered.slice(boundary + 2);
      const name = (event.match(/^event:(.*)$/m) || [])[1];
      const data = event.split('\n').filter(line => line.startsWith('data:')).map(line => line.slice(5)).join('\n');
      if (data) {
        onProgress(JSON.parse(data));
      }
      if (name && name.trim() === 'end') {
        reader.cancel();
        return;
      }
    }
  }
}
