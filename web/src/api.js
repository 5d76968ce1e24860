// Calls to the dossier JSON API. Every call goes to this server only.

/** ApiError carries the HTTP status and the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function answer(res) {
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, (body && body.error) || res.statusText);
  return body;
}

/** get fetches GET /api/<path> with the given query parameters (empty ones dropped). */
export async function get(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.set(k, v);
  }
  const qs = q.toString();
  const res = await fetch('/api/' + path + (qs ? '?' + qs : ''), { headers: { Accept: 'application/json' } });
  return answer(res);
}

/**
 * post sends a JSON body to POST /api/<path>. With a version (the entity version the page
 * was rendered from), the server refuses the change with 409 if another client changed
 * the entity meanwhile.
 */
export async function post(path, body, version) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (version !== undefined && version !== null) headers['If-Match'] = '"' + String(version) + '"';
  const res = await fetch('/api/' + path, {
    method: 'POST',
    headers,
    body: JSON.stringify(body || {}),
  });
  return answer(res);
}

/** upload sends a file as multipart to /api/upload, reporting progress (0..1). */
export function upload(file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/upload');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      const body = xhr.response || {};
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body.error || xhr.statusText));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network error')));
    const fd = new FormData();
    fd.append('file', file, file.name);
    xhr.send(fd);
  });
}
